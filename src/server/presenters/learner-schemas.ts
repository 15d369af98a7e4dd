import { z } from "zod";

const Bilingual = z.object({ fr: z.string(), en: z.string() });
const Field = z.enum([
  "studentNumber",
  "givenName",
  "familyName",
  "dateOfBirth",
  "institutionalEmail",
  "personalEmail",
  "locale",
]);

export const LearnerOut = z.object({
  id: z.string(),
  institutionId: z.string(),
  studentNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string().nullable(),
  institutionalEmail: z.string().nullable(),
  personalEmail: z.string().nullable(),
  locale: z.enum(["fr", "en"]),
  hasAccount: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const LearnerPageOut = z.object({
  learners: z.array(LearnerOut),
  nextCursor: z.string().nullable(),
  prevCursor: z.string().nullable(),
  total: z.number().int(),
  totalCapped: z.boolean(),
});

export const ImportPreviewOut = z.object({
  summary: z.object({
    rows: z.number().int(),
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    error: z.number().int(),
    issues: z.number().int(),
  }),
  rows: z.array(
    z.object({
      line: z.number().int(),
      action: z.enum(["create", "update", "unchanged", "error"]),
      values: z.partialRecord(Field, z.string()),
      errors: z.array(z.object({ field: z.union([Field, z.literal("row")]), message: Bilingual })),
    }),
  ),
  truncated: z.boolean(),
  columns: z.array(Field),
});

export const ImportResultOut = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
