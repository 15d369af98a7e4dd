import { z } from "zod";
import { BatchOut } from "./issuance-schemas.ts";

const Count = z.number().int().min(0);
const Instant = z.string();

/** The institution overview, exactly: any other field makes the serializer fail instead of leaking. */
export const InstitutionDashboardOut = z.strictObject({
  documents: z.strictObject({
    issued: Count,
    active: Count,
    revoked: Count,
    superseded: Count,
    claimed: Count,
  }),
  invitations: z.strictObject({ pending: Count, sent: Count, failed: Count, claimed: Count }),
  failedEmails: z.strictObject({
    total: Count,
    latest: z.array(
      z.strictObject({
        id: z.string(),
        to: z.string().nullable(),
        error: z.string().nullable(),
        failedAt: Instant.nullable(),
      }),
    ),
  }),
  recentBatches: z.array(BatchOut),
  issuedPerDay: z.array(z.strictObject({ date: z.iso.date(), count: Count })),
});
