import type { BackoffPolicy } from "../accounts/throttle-policy.ts";
import type { ShareRecord } from "./sharing.ports.ts";
import type { ShareStatus } from "./sharing.types.ts";

const DAY_MS = 86_400_000;

/** A share lasts at most a year from its creation, extensions included. */
export const MAX_SHARE_DAYS = 365;
/**
 * Wrong passcodes or codes from one client (an IPv4 address, an IPv6 /64), on any share: 5 free,
 * then locked 1 min, 2, 4 … up to an hour. Only a client's free failures count on the share.
 */
export const CLIENT_BACKOFF: BackoffPolicy = {
  freeFailures: 5,
  baseSeconds: 60,
  maxSeconds: 3600,
  forgetAfterMs: DAY_MS,
};
/**
 * Wrong passcodes or codes on one share, from all clients: 10 free, then the share is locked
 * 5 min, 10, 20 … up to two hours. One client alone never gets there (at most 5 of its failures
 * count here), so guessing from many addresses stays bounded without one attacker locking the
 * recipient out; the learner sees the lock and may lift it or change the passcode.
 */
export const SHARE_BACKOFF: BackoffPolicy = {
  freeFailures: 10,
  baseSeconds: 300,
  maxSeconds: 7200,
  forgetAfterMs: DAY_MS,
};
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

/** The view limit is reached: views and downloads together. */
export const isUsedUp = (share: Pick<ShareRecord, "maxViews" | "viewCount" | "downloadCount">) =>
  share.maxViews !== null && share.viewCount + share.downloadCount >= share.maxViews;

/** Locked by the back-off after wrong passcodes or codes. */
export const isLocked = (share: Pick<ShareRecord, "lockedUntil">, now: Date) =>
  share.lockedUntil !== null && share.lockedUntil.getTime() > now.getTime();

/** What the learner's list says of a share: the first that applies of revoked, expired, used up, locked, active. */
export function shareStatus(
  share: Pick<
    ShareRecord,
    "revokedAt" | "expiresAt" | "maxViews" | "viewCount" | "downloadCount" | "lockedUntil"
  >,
  now: Date,
): ShareStatus {
  if (share.revokedAt) return "revoked";
  if (share.expiresAt.getTime() <= now.getTime()) return "expired";
  if (isUsedUp(share)) return "used_up";
  return isLocked(share, now) ? "locked" : "active";
}

/**
 * Whom a client's failures are counted for: an IPv4 address, or the /64 network of an IPv6 one
 * (one subscriber usually holds a whole /64). Hashed: the throttle table keeps no address.
 */
export function clientThrottleKey(hashToken: (s: string) => string, ip: string | null): string {
  const raw = (ip ?? "unknown").trim().toLowerCase();
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/.exec(raw)?.[1];
  return `share-client:${hashToken(v4 ?? (raw.includes(":") ? ipv6Network(raw) : raw))}`;
}

/** The first four groups of an IPv6 address, "::" expanded ("2001:db8::1" → "2001:db8:0:0"). */
function ipv6Network(ip: string): string {
  const [head = "", tail] = ip.split("%")[0]?.split("::") ?? [""];
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":");
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
