import { z } from "zod";

export const ClaimPreviewOut = z.object({
  claimToken: z.string(),
  claimTokenExpiresAt: z.string(),
  givenName: z.string(),
  locale: z.enum(["fr", "en"]),
  institution: z.object({
    slug: z.string(),
    nameFr: z.string(),
    nameEn: z.string(),
    primaryColor: z.string(),
    accentColor: z.string(),
    hasLogo: z.boolean(),
  }),
  documentCount: z.number().int(),
  email: z.string(),
});
