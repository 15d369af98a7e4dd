import { z } from "zod";
import { AUDIT_ACTIONS } from "../../core/audit/audit.types.ts";

export const AuditEventOut = z.object({
  seq: z.number(),
  id: z.string(),
  actorLabel: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  targetType: z.string(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  ip: z.string().nullable(),
  createdAt: z.string(),
});

/** The operator's view of every event also says whose it is (null: the portal's own). */
export const AnyAuditEventOut = AuditEventOut.extend({ institutionId: z.string().nullable() });
