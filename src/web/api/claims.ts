import type { CurrentUser } from "../../core/accounts/accounts.types.ts";
import type { ClaimCompleted, ClaimPreview } from "../../core/claims/claims.types.ts";
import type { Locale } from "../../core/i18n.types.ts";
import { forgetCsrfToken, request } from "./http.ts";

/** Checks an access code and its claim password; the answer carries the claim token for the next step. */
export async function checkClaim(code: string, password: string): Promise<ClaimPreview> {
  return (
    await request<{ claim: ClaimPreview }>("POST", "/api/v1/claims/check", { json: { code, password } })
  ).claim;
}

export const completeClaim = (input: {
  claimToken: string;
  email: string;
  password: string;
  acceptTerms: true;
  locale: Locale;
}) => request<ClaimCompleted>("POST", "/api/v1/claims/complete", { json: input });

/** Opens an activation link: signs in with a new session. */
export async function activateAccount(token: string): Promise<CurrentUser> {
  const { user } = await request<{ user: CurrentUser }>("POST", "/api/v1/claims/activate", {
    json: { token },
  });
  forgetCsrfToken();
  return user;
}

/** "I already have an account": claims a checked access code into the signed-in account. */
export const attachClaim = (claimToken: string) =>
  request<{ institutionSlug: string }>("POST", "/api/v1/claims/attach", { json: { claimToken } });
