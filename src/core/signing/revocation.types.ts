/** RFC 5280 CRLReason names the portal records (certificateHold and the attribute-authority ones are not used). */
export const REVOCATION_REASONS = [
  "unspecified",
  "keyCompromise",
  "cACompromise",
  "affiliationChanged",
  "superseded",
  "cessationOfOperation",
] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

/** One line of a CRL. */
export interface RevokedEntry {
  /** Lowercase hexadecimal. */
  serialNumber: string;
  revokedAt: Date;
  reason: RevocationReason | null;
}
