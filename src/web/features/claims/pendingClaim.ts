import type { ClaimPreview } from "../../../core/claims/claims.types.ts";

/** A checked claim waiting in this tab while the learner signs in to an existing account. */
const KEY = "sceau.pendingClaim";

export function keepPendingClaim(claim: ClaimPreview): void {
  sessionStorage.setItem(KEY, JSON.stringify(claim));
}

export function forgetPendingClaim(): void {
  sessionStorage.removeItem(KEY);
}

/** The claim kept before signing in, while its token has not expired. */
export function readPendingClaim(now = Date.now()): ClaimPreview | null {
  try {
    const claim = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as ClaimPreview | null;
    if (claim && typeof claim.claimToken === "string" && Date.parse(claim.claimTokenExpiresAt) > now)
      return claim;
  } catch {
    // A damaged entry is dropped below.
  }
  forgetPendingClaim();
  return null;
}
