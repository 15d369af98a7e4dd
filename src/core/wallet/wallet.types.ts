import type { DocumentStatus } from "../documents/documents.types.ts";

/** A document in the learner's wallet. */
export interface WalletDocument {
  id: string;
  title: string;
  /** YYYY-MM-DD. */
  issueDate: string | null;
  status: DocumentStatus;
  revokedAt: string | null;
  /** The document that replaced this one, when it is in the same wallet. */
  supersededBy: string | null;
  institution: { slug: string; nameFr: string; nameEn: string };
  documentType: { nameFr: string; nameEn: string } | null;
  /** What the learner may do with it: unlocked (free, or paid), the fee to unlock, download. */
  access: WalletDocumentAccess;
}

export interface WalletDocumentAccess {
  unlocked: boolean;
  /** 0 when the type is free. */
  unlockFeeCents: number;
  currency: string;
  /** The type allows downloading the signed original (once unlocked). */
  downloadAllowed: boolean;
}
