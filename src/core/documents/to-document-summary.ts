import type { DocumentRecord } from "./documents.ports.ts";
import type {
  DocumentLearnerRef,
  DocumentLink,
  DocumentSummary,
  DocumentTypeRef,
} from "./documents.types.ts";

/** What a list shows of one document. */
export const toDocumentSummary = (
  doc: DocumentRecord,
  learner: DocumentLearnerRef | null,
  documentType: DocumentTypeRef | null,
): DocumentSummary => ({
  id: doc.id,
  title: doc.title,
  status: doc.status,
  issueDate: doc.issueDate,
  externalId: doc.externalId,
  batchId: doc.batchId,
  signedAt: doc.signedAt.toISOString(),
  learner,
  documentType,
});

/** A link to another document (its replacement, or one it replaced). */
export const toDocumentLink = (doc: DocumentRecord): DocumentLink => ({
  id: doc.id,
  title: doc.title,
  status: doc.status,
  issueDate: doc.issueDate,
});
