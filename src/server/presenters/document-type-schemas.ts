import { z } from "zod";

export const DocumentTypeOut = z.object({
  id: z.string(),
  institutionId: z.string(),
  code: z.string(),
  nameFr: z.string(),
  nameEn: z.string(),
  descriptionFr: z.string(),
  descriptionEn: z.string(),
  unlockFeeCents: z.number().int(),
  shareFeeCents: z.number().int(),
  currency: z.string(),
  downloadAllowed: z.boolean(),
  defaultShareDays: z.number().int(),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
