import type { ShareRecord } from "./share-store.ts";
import type { ShareStatus } from "./sharing.types.ts";

const DAY_MS = 86_400_000;

/** A share lasts at most a year from its creation, extensions included. */
export const MAX_SHARE_DAYS = 365;
/** Wrong passcodes or codes before the share locks for good. */
export const MAX_ACCESS_ATTEMPTS = 5;
/** How long an emailed one-time code works. */
export const ONE_TIME_CODE_MINUTES = 10;
export const ONE_TIME_CODE_DIGITS = 8;
/** How long an unlocked share stays open in the recipient's browser. */
export const ACCESS_MINUTES = 60;
/** Signed-token purpose of the recipient's access (server/http cookie). */
export const SHARE_ACCESS_PURPOSE = "share_access";

export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);

/** The latest expiry an extension may set. */
export const extendableUntil = (share: Pick<ShareRecord, "createdAt">) =>
  addDays(share.createdAt, MAX_SHARE_DAYS);

export function shareStatus(share: Pick<ShareRecord, "revokedAt" | "expiresAt">, now: Date): ShareStatus {
  if (share.revokedAt) return "revoked";
  return share.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}

/** The recipient's link: the token in the path (a public page's server renders its social tags). */
export const shareLink = (publicUrl: string, token: string) => `${publicUrl}/s/${token}`;

/** The one-time code's stored hash is bound to its share. */
export const codeDigest = (shareId: string, code: string) => `share-otp:${shareId}:${code}`;

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * Decimal digits from random tokens, without bias: characters of the URL-safe alphabet past the
 * 60th are skipped so each digit is uniform.
 */
export function randomDigits(randomToken: () => string, length: number): string {
  let out = "";
  while (out.length < length) {
    for (const ch of randomToken()) {
      const i = BASE64URL.indexOf(ch);
      if (i >= 0 && i < 60) out += String(i % 10);
      if (out.length === length) break;
    }
  }
  return out;
}

/** "a•••@example.ca": enough for the recipient to know which inbox to look in. */
export function emailHint(email: string): string {
  const at = email.indexOf("@");
  if (at < 1) return "•••";
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}

/** A type the "add to profile" link of LinkedIn suits (a diploma or a certificate of studies). */
export function isDiplomaType(type: { code: string; nameFr: string; nameEn: string } | null): boolean {
  if (!type) return false;
  const text = `${type.code} ${type.nameFr} ${type.nameEn}`.toLowerCase();
  return /dipl[oô]m|degree|\bdec\b|\baec\b|certificat/.test(text);
}
