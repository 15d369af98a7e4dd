import { z } from "zod";

const Bilingual = z.object({ fr: z.string(), en: z.string() });
const Check = z.object({
  id: z.string(),
  status: z.enum(["passed", "failed", "warning", "skipped"]),
  code: z.string().optional(),
  message: Bilingual,
  /** Each disallowed change of a failed "modifications" check, in plain language. */
  reasons: z.array(z.object({ code: z.string(), message: Bilingual })).optional(),
});

/** The verification report (DESIGN.md convention 4), as the API returns it. */
export const VerificationReportOut = z.object({
  valid: z.boolean(),
  checks: z.array(Check),
  signatures: z.array(
    z.object({
      fieldName: z.string().nullable(),
      kind: z.enum(["signature", "document_timestamp"]),
      subFilter: z.string().nullable(),
      signer: z.object({
        commonName: z.string().nullable(),
        organization: z.string().nullable(),
        country: z.string().nullable(),
        serialNumber: z.string().nullable(),
        issuer: z.string().nullable(),
      }),
      signedAt: z.string().nullable(),
      timestamp: z.object({ time: z.string(), tsa: z.string().nullable() }).nullable(),
      coversWholeDocument: z.boolean(),
      docMdpLevel: z.number().nullable(),
      claimed: z.object({
        name: z.string().nullable(),
        reason: z.string().nullable(),
        location: z.string().nullable(),
      }),
      checks: z.array(Check),
    }),
  ),
  /** PAdES level reached and until when the file's proofs hold (null when not valid). */
  longTerm: z.object({
    level: z.enum(["B-B", "B-T", "B-LT", "B-LTA"]).nullable(),
    protectedUntil: z.string().nullable(),
  }),
  document: z.object({
    id: z.string().nullable(),
    status: z
      .object({
        status: z.enum(["active", "revoked", "superseded", "unknown"]),
        revokedAt: z.string().optional(),
        reason: z.string().optional(),
        supersededBy: z.string().optional(),
      })
      .optional(),
  }),
});

export const DocumentVerificationOut = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(["active", "revoked", "superseded"]),
  signedAt: z.string(),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
  supersededBy: z.string().nullable(),
  sha256: z.string(),
  institution: z.object({
    slug: z.string(),
    nameFr: z.string(),
    nameEn: z.string(),
    primaryColor: z.string(),
    accentColor: z.string(),
    hasLogo: z.boolean(),
  }),
});
