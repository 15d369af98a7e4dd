import type { Locale } from "../i18n.types.ts";
import type { Institution } from "../institutions/institutions.types.ts";

/** What the account creation step shows once an access code and its password check out. */
export interface ClaimPreview {
  /** Carries the claim to the next step (signed, expiring; see checkClaim). */
  claimToken: string;
  claimTokenExpiresAt: string;
  givenName: string;
  locale: Locale;
  institution: Pick<Institution, "slug" | "nameFr" | "nameEn" | "primaryColor" | "accentColor" | "hasLogo">;
  /** Documents issued to this learner record, waiting for the account. */
  documentCount: number;
  /** The address to pre-fill: the personal one, else the institutional one (may be empty). */
  email: string;
}

/** The answer to a completed claim: where the activation link was sent. */
export interface ClaimCompleted {
  email: string;
}
