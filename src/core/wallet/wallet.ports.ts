import type { DocumentStatus } from "../documents/documents.types.ts";

/** A document as its learner sees it in the wallet, with its institution's and type's names. */
export interface WalletDocumentRow {
  id: string;
  title: string;
  issueDate: string | null;
  status: DocumentStatus;
  revokedAt: Date | null;
  supersededBy: string | null;
  institution: { slug: string; nameFr: string; nameEn: string };
  documentType: { nameFr: string; nameEn: string } | null;
}

/** Reads for the learner's wallet: documents of every learner record linked to the user. */
export interface WalletStore {
  /** Newest issue first. */
  listDocuments(userId: string): Promise<WalletDocumentRow[]>;
  /** Documents issued to one learner record (all statuses). */
  countForLearner(learnerId: string): Promise<number>;
}
