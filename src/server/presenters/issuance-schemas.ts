import { z } from "zod";

const Bilingual = z.object({ fr: z.string(), en: z.string() });
const ItemStatus = z.enum(["pending", "issued", "skipped", "failed"]);

export const IssuedDocumentOut = z.object({
  document: z.object({
    id: z.string(),
    title: z.string(),
    status: z.enum(["active", "revoked", "superseded"]),
    learnerId: z.string().nullable(),
    documentTypeId: z.string().nullable(),
    issueDate: z.string().nullable(),
    externalId: z.string().nullable(),
    sha256: z.string(),
    signedAt: z.string(),
  }),
  /** false when the external id was issued before: the answer is that document, nothing new. */
  created: z.boolean(),
});

export const BatchOut = z.object({
  id: z.string(),
  institutionId: z.string(),
  createdBy: z.string(),
  source: z.enum(["web", "api", "cli"]),
  manifestName: z.string(),
  status: z.enum(["queued", "running", "done"]),
  total: z.number().int(),
  counts: z.object({ pending: z.number(), issued: z.number(), skipped: z.number(), failed: z.number() }),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const BatchIssueOut = z.object({
  line: z.number().int().nullable(),
  field: z.string().nullable(),
  file: z.string().nullable(),
  code: z.string(),
  message: Bilingual,
});

export const BatchCreatedOut = z.object({
  validation: z.object({
    rows: z.number().int(),
    alreadyIssued: z.number().int(),
    issues: z.array(BatchIssueOut),
  }),
  /** null for a dry run, or when every row was issued before (nothing new). */
  batch: BatchOut.nullable(),
});

export const BatchItemOut = z.object({
  id: z.string(),
  rowNumber: z.number().int(),
  externalId: z.string(),
  learnerId: z.string(),
  title: z.string(),
  fileName: z.string(),
  status: ItemStatus,
  documentId: z.string().nullable(),
  errorCode: z.string().nullable(),
});

export const LearnerInvitationOut = z.object({
  status: z.enum(["queued", "sent", "failed", "claimed"]),
  sendCount: z.number().int(),
  sentAt: z.string().nullable(),
  codeExpiresAt: z.string().nullable(),
  lastError: z.string().nullable(),
  claimedAt: z.string().nullable(),
});
