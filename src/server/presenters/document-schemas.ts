import { z } from "zod";

const Status = z.enum(["active", "revoked", "superseded"]);

const LearnerRefOut = z.object({
  id: z.string(),
  studentNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
});

const TypeRefOut = z.object({ id: z.string(), code: z.string(), nameFr: z.string(), nameEn: z.string() });

const LinkOut = z.object({
  id: z.string(),
  title: z.string(),
  status: Status,
  issueDate: z.string().nullable(),
});

export const DocumentSummaryOut = z.object({
  id: z.string(),
  title: z.string(),
  status: Status,
  issueDate: z.string().nullable(),
  externalId: z.string().nullable(),
  batchId: z.string().nullable(),
  signedAt: z.string(),
  learner: LearnerRefOut.nullable(),
  documentType: TypeRefOut.nullable(),
});

export const DocumentDetailOut = DocumentSummaryOut.extend({
  sha256: z.string(),
  byteSize: z.number().int(),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
  supersededBy: LinkOut.nullable(),
  replaces: z.array(LinkOut),
});

export const DocumentPageOut = z.object({
  documents: z.array(DocumentSummaryOut),
  nextCursor: z.string().nullable(),
});
