import type { CoreDeps } from "../ports.ts";
import { ACCESS_MINUTES, MAX_ACCESS_ATTEMPTS, SHARE_ACCESS_PURPOSE } from "./share-rules.ts";
import type { FoundShare, ShareRecord } from "./share-store.ts";
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
  if (share.failedAttempts >= MAX_ACCESS_ATTEMPTS) return "locked";
  if (share.maxViews !== null && share.viewCount >= share.maxViews) return "used_up";
  return null;
}

export function unavailable(
  found: FoundShare,
  reason: NonNullable<ReturnType<typeof unavailableReason>>,
): RecipientShare {
  const institutions = new Map(found.documents.map((d) => [d.institution.id, d.institution]));
  return {
    state: "unavailable",
    reason,
    learnerName: learnerNameOf(found),
    institutions: [...institutions.values()].map((i) => ({ nameFr: i.nameFr, nameEn: i.nameEn })),
  };
}

/** A passcode or an emailed code guards it. */
export const isGated = (share: ShareRecord) => share.passcodeHash !== null || share.recipientEmail !== null;

export const hasAccess = (deps: CoreDeps, share: ShareRecord, accessToken: string | null) =>
  accessToken !== null &&
  deps.tokenSigner.verify(SHARE_ACCESS_PURPOSE, accessToken, deps.clock.now())?.shareId === share.id;

/** A fresh access token for this share (downloads and reloads in the next hour). */
export const grantAccess = (deps: CoreDeps, share: ShareRecord) => {
  const expiresAt = new Date(deps.clock.now().getTime() + ACCESS_MINUTES * 60_000);
  return { token: deps.tokenSigner.sign(SHARE_ACCESS_PURPOSE, { shareId: share.id }, expiresAt), expiresAt };
};
