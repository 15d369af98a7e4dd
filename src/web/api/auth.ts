import type { AccountEmails, CurrentUser, SessionInfo } from "../../core/accounts/accounts.types.ts";
import type { Locale } from "../../core/i18n.types.ts";
import type {
  RecoveryCodeList,
  TotpEnrolment,
  TwoFactorStatus,
} from "../../core/two-factor/two-factor.types.ts";
import { forgetCsrfToken, request } from "./http.ts";

const seg = encodeURIComponent;

/** What a sign-in answers: signed in, or the code from the authenticator app is due. */
export type SignInResult = { status: "signed_in"; user: CurrentUser } | { status: "totp_required" };

// Signing in and out

/** Signed in, or (two-step verification on) the code is due: see completeTotpSignIn. */
export async function signIn(email: string, password: string): Promise<SignInResult> {
  const result = await request<SignInResult>("POST", "/api/v1/auth/sign-in", { json: { email, password } });
  forgetCsrfToken();
  return result;
}

/** The second step of a sign-in (the challenge travels in an httpOnly cookie). */
export async function completeTotpSignIn(
  proof: { code: string } | { recoveryCode: string },
): Promise<CurrentUser> {
  const { user } = await request<{ user: CurrentUser }>("POST", "/api/v1/auth/sign-in/totp", { json: proof });
  forgetCsrfToken();
  return user;
}

export const cancelTotpSignIn = () => request<void>("POST", "/api/v1/auth/sign-in/cancel");

export async function signOut(): Promise<void> {
  await request<void>("POST", "/api/v1/auth/sign-out");
  forgetCsrfToken();
}

// The account

export async function getMe(): Promise<CurrentUser> {
  return (await request<{ user: CurrentUser }>("GET", "/api/v1/auth/me")).user;
}

export async function updateMe(changes: { displayName?: string; locale?: Locale }): Promise<CurrentUser> {
  return (await request<{ user: CurrentUser }>("PATCH", "/api/v1/auth/me", { json: changes })).user;
}

/** Where "Download my data" points (a plain link: the browser saves the ZIP). */
export const ACCOUNT_EXPORT_URL = "/api/v1/auth/me/export";

export const closeAccount = (password: string) =>
  request<void>("POST", "/api/v1/auth/me/close", { json: { password } });

// Passwords

export const changePassword = (currentPassword: string, newPassword: string) =>
  request<void>("POST", "/api/v1/auth/password", { json: { currentPassword, newPassword } });

export const requestPasswordReset = (email: string, locale?: Locale) =>
  request<{ ok: true }>("POST", "/api/v1/auth/password-reset", { json: { email, locale } });

export const completePasswordReset = (token: string, password: string) =>
  request<void>("POST", "/api/v1/auth/password-reset/complete", { json: { token, password } });

// Sessions

export async function listSessions(): Promise<SessionInfo[]> {
  return (await request<{ sessions: SessionInfo[] }>("GET", "/api/v1/auth/sessions")).sessions;
}

export const revokeSession = (id: string) => request<void>("DELETE", `/api/v1/auth/sessions/${seg(id)}`);

export async function revokeAllSessions(): Promise<void> {
  await request<void>("POST", "/api/v1/auth/sessions/revoke-all");
  forgetCsrfToken();
}

// Email addresses

export const listAccountEmails = () => request<AccountEmails>("GET", "/api/v1/auth/emails");

/** Adds a secondary address; a confirmation link is emailed to it. */
export const addAccountEmail = (email: string) =>
  request<AccountEmails>("POST", "/api/v1/auth/emails", { json: { email } });

/** Confirms an address with the emailed link's token (signed in as the account that asked). */
export const confirmAccountEmail = (token: string) =>
  request<AccountEmails>("POST", "/api/v1/auth/emails/confirm", { json: { token } });

export const makeAccountEmailPrimary = (id: string) =>
  request<AccountEmails>("POST", `/api/v1/auth/emails/${seg(id)}/primary`);

export const removeAccountEmail = (id: string) => request<void>("DELETE", `/api/v1/auth/emails/${seg(id)}`);

// Two-step verification

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
