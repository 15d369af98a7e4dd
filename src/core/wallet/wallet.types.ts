import type { DocumentStatus } from "../ports.ts";

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
}
