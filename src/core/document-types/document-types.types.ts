/** An institution's kind of document (transcript, diploma, attestation…) with its fees and sharing defaults. */
export interface DocumentType {
  id: string;
  institutionId: string;
  /** Unique within the institution, e.g. "RELEVE": 1 to 32 of A–Z, 0–9, "_" and "-". */
  code: string;
  nameFr: string;
  nameEn: string;
  descriptionFr: string;
  descriptionEn: string;
  /** Fee to unlock the document, in the currency's minor unit (cents); 0 means free. */
  unlockFeeCents: number;
  /** Fee to share the document, in cents; 0 means free. */
  shareFeeCents: number;
  /** ISO 4217 code, e.g. "CAD". */
  currency: string;
  /** Whether the learner may download the signed PDF. */
  downloadAllowed: boolean;
  /** Default lifetime of a share link, in days (1 to 366). */
  defaultShareDays: number;
  archived: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DocumentTypeInput {
  code: string;
  nameFr: string;
  nameEn: string;
  descriptionFr: string;
  descriptionEn: string;
  unlockFeeCents: number;
  shareFeeCents: number;
  currency: string;
  downloadAllowed: boolean;
  defaultShareDays: number;
}
