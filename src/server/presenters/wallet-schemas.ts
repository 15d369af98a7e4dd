import { z } from "zod";

const Names = z.object({ nameFr: z.string(), nameEn: z.string() });

export const WalletDocumentOut = z.object({
  id: z.string(),
  title: z.string(),
  issueDate: z.string().nullable(),
  status: z.enum(["active", "revoked", "superseded"]),
  revokedAt: z.string().nullable(),
  supersededBy: z.string().nullable(),
  institution: Names.extend({ slug: z.string() }),
  documentType: Names.nullable(),
  access: z.object({
    unlocked: z.boolean(),
    unlockFeeCents: z.number(),
    currency: z.string(),
    downloadAllowed: z.boolean(),
  }),
});
