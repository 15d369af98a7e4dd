import type {
  CreatedShare,
  RecipientShare,
  ShareInput,
  ShareQuote,
  ShareSummary,
} from "../../core/sharing/sharing.types.ts";
import { request } from "./http.ts";

export const quoteShare = async (input: ShareInput) =>
  (await request<{ quote: ShareQuote }>("POST", "/api/v1/shares/quote", { json: input })).quote;

export const createShare = (input: ShareInput) =>
  request<CreatedShare>("POST", "/api/v1/shares", { json: input });

export const listShares = async () =>
  (await request<{ shares: ShareSummary[] }>("GET", "/api/v1/shares")).shares;

export const revokeShare = (id: string) =>
  request<{ share: ShareSummary }>("POST", `/api/v1/shares/${encodeURIComponent(id)}/revoke`);

export const extendShare = (id: string, days: number) =>
  request<{ share: ShareSummary }>("POST", `/api/v1/shares/${encodeURIComponent(id)}/extend`, {
    json: { days },
  });

/** The recipient's view of a link: its documents, what it needs to open, why it no longer opens, or unknown. */
export type OpenedShare = RecipientShare | { state: "unknown" };

export async function openShare(token: string): Promise<OpenedShare> {
  const res = await fetch(`/api/v1/shares/${encodeURIComponent(token)}`, {
    credentials: "same-origin",
    headers: { accept: "application/json" },
  });
  const body = (await res.json().catch(() => null)) as { share?: RecipientShare } | null;
  if (res.ok && body?.share) return body.share;
  if (res.status === 404) return body?.share ?? { state: "unknown" };
  throw new Error(`share ${res.status}`);
}

export const sendShareCode = (token: string, locale: "fr" | "en") =>
  request<{ emailHint: string }>("POST", `/api/v1/shares/${encodeURIComponent(token)}/code`, {
    json: { locale },
  });

export const unlockShare = (token: string, input: { passcode?: string; code?: string }) =>
  request<{ ok: true }>("POST", `/api/v1/shares/${encodeURIComponent(token)}/access`, { json: input });

export const sharedFileUrl = (token: string, documentId: string) =>
  `/api/v1/shares/${encodeURIComponent(token)}/documents/${encodeURIComponent(documentId)}/file`;

/** The learner lifts the lock wrong passcodes or codes put on their share. */
export const unlockOwnShare = (id: string) =>
  request<{ share: ShareSummary }>("POST", `/api/v1/shares/${encodeURIComponent(id)}/unlock`);

/** The learner gives their link share a new passcode. */
export const changeSharePasscode = (id: string, passcode: string) =>
  request<{ share: ShareSummary }>("POST", `/api/v1/shares/${encodeURIComponent(id)}/passcode`, {
    json: { passcode },
  });
