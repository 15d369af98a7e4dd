import type { CoreDeps, Stores } from "../ports.ts";
import type { UserRecord } from "./accounts.ports.ts";
import type { CurrentUser } from "./accounts.types.ts";
import { presentCurrentUser } from "./present-user.ts";
import { type ClientInfo, type StartedSession, startSession } from "./start-session.ts";

/** The signed challenge's purpose (TokenSigner) and its one_time_tokens purpose. */
export const TOTP_CHALLENGE_PURPOSE = "totp_challenge";
/** How long the second step of a sign-in may wait for its code. */
export const TOTP_CHALLENGE_MINUTES = 5;

export interface SignInClient extends ClientInfo {
  /** The session token the browser already had, if any: it is ended when the new session starts. */
  previousToken?: string | null;
}

/** Signed in: the session's cookie token and the user as the web app sees them. */
export type SignedIn = { status: "signed_in"; user: CurrentUser } & StartedSession;

/**
 * The second factor is due: no session exists yet. The challenge (signed, bound to the user, single
 * use, expiring) goes in an httpOnly cookie (server/http/sign-in-outcome.ts); the browser then
 * posts the code to `POST /api/v1/auth/sign-in/totp`.
 */
export interface TotpRequired {
  status: "totp_required";
  challenge: string;
  expiresAt: Date;
}

export type SignInOutcome = SignedIn | TotpRequired;

/**
 * The end of every sign-in path once the person is identified (password, activation link,
 * institution or social sign-on): a session, or — when the user has TOTP on — a challenge for the
 * code. Ends the session the browser brought (no fixation) only when the new one starts.
 * Pass `stores` to run inside the caller's transaction.
 */
export async function finishSignIn(
  deps: CoreDeps,
  user: UserRecord,
  client: SignInClient,
  stores: Stores = deps.stores,
): Promise<SignInOutcome> {
  const totp = await stores.twoFactor.find(user.id);
  if (totp?.enabledAt) return issueTotpChallenge(deps, stores, user.id);
  return startSignedInSession(deps, stores, user, client);
}

/** A new session for the user, ending the one the browser brought. */
export async function startSignedInSession(
  deps: CoreDeps,
  stores: Stores,
  user: UserRecord,
  client: SignInClient,
): Promise<SignedIn> {
  const now = deps.clock.now();
  if (client.previousToken) {
    const old = await stores.sessions.findLive(deps.secrets.hashToken(client.previousToken), now);
    if (old) await stores.sessions.revoke(old.userId, old.id, now);
  }
  const started = await startSession(deps, stores, user.id, client);
  const memberships = await stores.memberships.listForUsers([user.id]);
  return { status: "signed_in", ...started, user: await presentCurrentUser(stores, user, memberships) };
}

async function issueTotpChallenge(deps: CoreDeps, stores: Stores, userId: string): Promise<TotpRequired> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + TOTP_CHALLENGE_MINUTES * 60 * 1000);
  // The random id is stored hashed so the challenge works once; the signature binds it to the user.
  const id = deps.secrets.randomToken();
  await stores.tokens.create({
    tokenHash: deps.secrets.hashToken(id),
    purpose: TOTP_CHALLENGE_PURPOSE,
    userId,
    expiresAt,
  });
  const challenge = deps.tokenSigner.sign(TOTP_CHALLENGE_PURPOSE, { user: userId, id }, expiresAt);
  return { status: "totp_required", challenge, expiresAt };
}
