import type { AccountEmails } from "../../core/accounts/accounts.types.ts";
import { request } from "./request.ts";

const seg = encodeURIComponent;

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
