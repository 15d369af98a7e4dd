import type { FastifyReply } from "fastify";
import { z } from "zod";
import type { SignInOutcome } from "../../core/accounts/finish-sign-in.ts";
import { CurrentUserOut } from "../presenters/schemas.ts";
import { setSessionCookie } from "./auth.ts";

/** The httpOnly cookie that carries a sign-in's TOTP challenge between the first and second step. */
export const TOTP_CHALLENGE_COOKIE = "sceau_sign_in_challenge";
/** The only path the challenge cookie is sent to (the second step's route lives under it). */
const CHALLENGE_COOKIE_PATH = "/api/v1/auth/sign-in";
/** Where a redirect-based sign-in (OIDC, SAML) sends the browser when the code is due. */
export const TOTP_STEP_PAGE = "/sign-in?step=totp";

/** The JSON answer of a route that signs in: a user, or the news that the code is due. */
export const SignInOut = z.object({
  status: z.enum(["signed_in", "totp_required"]),
  user: CurrentUserOut.optional(),
});

/**
 * Sets the cookie the outcome calls for — the session, or the TOTP challenge (never both: no
 * session cookie exists before the second factor) — and returns the JSON body. Redirect-based
 * sign-ins call it too, then redirect to the wallet or to {@link TOTP_STEP_PAGE} by `status`.
 */
export function sendSignInOutcome(
  reply: FastifyReply,
  outcome: SignInOutcome,
  secure: boolean,
): z.infer<typeof SignInOut> {
  if (outcome.status === "totp_required") {
    reply.setCookie(TOTP_CHALLENGE_COOKIE, outcome.challenge, {
      path: CHALLENGE_COOKIE_PATH,
      httpOnly: true,
      sameSite: "strict",
      secure,
      expires: outcome.expiresAt,
    });
    return { status: "totp_required" };
  }
  clearTotpChallengeCookie(reply, secure);
  setSessionCookie(reply, outcome.token, outcome.session.expiresAt, secure);
  return { status: "signed_in", user: outcome.user };
}

export function clearTotpChallengeCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(TOTP_CHALLENGE_COOKIE, {
    path: CHALLENGE_COOKIE_PATH,
    httpOnly: true,
    sameSite: "strict",
    secure,
  });
}
