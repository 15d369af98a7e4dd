import type { CurrentUser } from "../../core/accounts/accounts.types.ts";
import type {
  RecoveryCodeList,
  TotpEnrolment,
  TwoFactorStatus,
} from "../../core/two-factor/two-factor.types.ts";
import { forgetCsrfToken, request } from "./request.ts";

/** What a sign-in answers: signed in, or the code from the authenticator app is due. */
export type SignInResult = { status: "signed_in"; user: CurrentUser } | { status: "totp_required" };

/** The second step of a sign-in (the challenge travels in an httpOnly cookie). */
export async function completeTotpSignIn(
  proof: { code: string } | { recoveryCode: string },
): Promise<CurrentUser> {
  const { user } = await request<{ user: CurrentUser }>("POST", "/api/v1/auth/sign-in/totp", { json: proof });
  forgetCsrfToken();
  return user;
}

export const cancelTotpSignIn = () => request<void>("POST", "/api/v1/auth/sign-in/cancel");

export const getTwoFactorStatus = () => request<TwoFactorStatus>("GET", "/api/v1/auth/two-factor");

export const startTotpEnrolment = () =>
  request<TotpEnrolment & { qrSvg: string }>("POST", "/api/v1/auth/two-factor/enrolment");

export const confirmTotpEnrolment = (code: string) =>
  request<RecoveryCodeList>("POST", "/api/v1/auth/two-factor/enrolment/confirm", { json: { code } });

/** A password is at least 8 characters: six digits can only be a code from the app. */
const proofOf = (passwordOrCode: string) =>
  /^\d{6}$/.test(passwordOrCode.replace(/\s+/g, ""))
    ? { code: passwordOrCode.replace(/\s+/g, "") }
    : { password: passwordOrCode };

export const disableTotp = (passwordOrCode: string) =>
  request<void>("POST", "/api/v1/auth/two-factor/disable", { json: proofOf(passwordOrCode) });

export const regenerateRecoveryCodes = (passwordOrCode: string) =>
  request<RecoveryCodeList>("POST", "/api/v1/auth/two-factor/recovery-codes", {
    json: proofOf(passwordOrCode),
  });

/** Where "Download my data" points (a plain link: the browser saves the ZIP). */
export const ACCOUNT_EXPORT_URL = "/api/v1/auth/me/export";

export const closeAccount = (password: string) =>
  request<void>("POST", "/api/v1/auth/me/close", { json: { password } });
