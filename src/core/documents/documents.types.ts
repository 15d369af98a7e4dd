/** What anyone holding a document's id (printed on it, in its QR code) may see of its registry record. */
export interface DocumentVerificationRecord {
  id: string;
  title: string;
  status: "active" | "revoked" | "superseded";
  signedAt: string;
  revokedAt: string | null;
  revocationReason: string | null;
  supersededBy: string | null;
  /** SHA-256 (hex) of the file as issued, to compare a copy against. */
  sha256: string;
  institution: {
    slug: string;
    nameFr: string;
    nameEn: string;
    primaryColor: string;
    accentColor: string;
    hasLogo: boolean;
  };
}
