import type { CoreDeps } from "../ports.ts";
import { ACCESS_MINUTES, isUsedUp, SHARE_ACCESS_PURPOSE } from "./share-rules.ts";
import type { FoundShare, ShareRecord } from "./sharing.ports.ts";
import type { RecipientShare } from "./sharing.types.ts";

/** Who a request for a share comes from (recorded with each event). */
export interface ShareClient {
  ip: string | null;
  userAgent: string | null;
  /** The signed access token from an earlier unlock or view (the share-access cookie). */
  accessToken: string | null;
}

const TOKEN = /^[A-Za-z0-9_-]{20,128}$/;

/**
 * The share behind a link's token, or null (a malformed or unknown token costs no query beyond
 * one look-up). `cached`: through the share cache, for the recipient page's reads only (see
 * ShareLookupCache); anything that writes or checks a secret reads afresh.
 */
export async function findShareByToken(
  deps: CoreDeps,
  token: string,
  options: { cached?: boolean } = {},
): Promise<FoundShare | null> {
  if (!TOKEN.test(token)) return null;
  const tokenHash = deps.secrets.hashToken(token);
  const load = () => deps.stores.shares.findByTokenHash(tokenHash);
  return options.cached ? deps.shareCache.lookup(tokenHash, load) : load();
}

export const learnerNameOf = (found: FoundShare) => {
  const d = found.documents[0];
  return d ? `${d.givenName ?? ""} ${d.familyName ?? ""}`.trim() : "";
};

/** Why the link no longer opens, or null while it does. */
export function unavailableReason(
  share: ShareRecord,
  now: Date,
): Extract<RecipientShare, { state: "unavailable" }>["reason"] | null {
  if (share.revokedAt) return "revoked";
  if (share.expiresAt <= now) return "expired";
  if (isUsedUp(share)) return "used_up";
  return null;
}

/** Why the link no longer opens and who issued the documents; never whose they are. */
export function unavailable(
  found: FoundShare,
  reason: NonNullable<ReturnType<typeof unavailableReason>>,
): RecipientShare {
  const institutions = new Map(found.documents.map((d) => [d.institution.id, d.institution]));
  return {
    state: "unavailable",
    reason,
    institutions: [...institutions.values()].map((i) => ({ nameFr: i.nameFr, nameEn: i.nameEn })),
  };
}

/** A passcode or an emailed code guards it. */
export const isGated = (share: ShareRecord) => share.passcodeHash !== null || share.recipientEmail !== null;

/** Binds an access token to the passcode it was granted under: a new passcode shuts earlier ones out. */
const passcodeMark = (deps: CoreDeps, share: ShareRecord) =>
  share.passcodeHash === null
    ? "-"
    : deps.secrets.hashToken(`share-passcode:${share.passcodeHash}`).slice(0, 16);

export function hasAccess(deps: CoreDeps, share: ShareRecord, accessToken: string | null): boolean {
  if (accessToken === null) return false;
  const claims = deps.tokenSigner.verify(SHARE_ACCESS_PURPOSE, accessToken, deps.clock.now());
  return claims?.shareId === share.id && claims.passcode === passcodeMark(deps, share);
}

/** A fresh access token for this share (downloads and reloads in the next hour). */
export const grantAccess = (deps: CoreDeps, share: ShareRecord) => {
  const expiresAt = new Date(deps.clock.now().getTime() + ACCESS_MINUTES * 60_000);
  const claims = { shareId: share.id, passcode: passcodeMark(deps, share) };
  return { token: deps.tokenSigner.sign(SHARE_ACCESS_PURPOSE, claims, expiresAt), expiresAt };
};
