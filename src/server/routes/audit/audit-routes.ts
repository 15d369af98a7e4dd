import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AUDIT_ACTIONS } from "../../../core/audit/audit.types.ts";
import { exportAllAuditEvents } from "../../../core/audit/export-all-audit-events.ts";
import { exportAuditEvents } from "../../../core/audit/export-audit-events.ts";
import { listAllAuditEvents } from "../../../core/audit/list-all-audit-events.ts";
import { listAuditEvents } from "../../../core/audit/list-audit-events.ts";
import { requireActor } from "../../http/auth.ts";
import { Slug } from "../../http/inputs.ts";
import { AnyAuditEventOut, AuditEventOut } from "../../presenters/audit-schemas.ts";
import { errors } from "../../presenters/schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

const Filter = z.strictObject({
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z.coerce.number().int().min(1).optional(),
});

const toFilter = (q: z.infer<typeof Filter>) => ({
  ...(q.action ? { action: q.action } : {}),
  ...(q.from ? { from: new Date(q.from) } : {}),
  ...(q.to ? { to: new Date(q.to) } : {}),
  ...(q.before ? { before: q.before } : {}),
});

export async function auditRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);
  const tags = ["audit"];

  r.get(
    "/api/v1/institutions/:slug/audit",
    {
      schema: {
        tags,
        summary: "The institution's audit trail, newest first (administrators and the operator)",
        params: z.strictObject({ slug: Slug }),
        querystring: Filter,
        response: {
          200: z.object({ events: z.array(AuditEventOut), next: z.number().nullable() }),
          ...errors(400, 401, 404),
        },
      },
    },
    async (req) => listAuditEvents(deps.core, requireActor(req), req.params.slug, toFilter(req.query)),
  );

  r.get(
    "/api/v1/institutions/:slug/audit.csv",
    {
      schema: {
        tags,
        summary:
          "Export the audit trail as CSV (cells neutralised against spreadsheet formulas); the export is itself audited",
        params: z.strictObject({ slug: Slug }),
        querystring: Filter,
      },
    },
    async (req, reply) => {
      const csv = await exportAuditEvents(deps.core, requireActor(req), req.params.slug, toFilter(req.query));
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="audit-${req.params.slug}.csv"`)
        .send(`\uFEFF${csv}`);
    },
  );

  r.get(
    "/api/v1/audit",
    {
      schema: {
        tags,
        summary:
          "Every event of the portal (all institutions and the portal's own), newest first (the operator)",
        querystring: Filter,
        response: {
          200: z.object({ events: z.array(AnyAuditEventOut), next: z.number().nullable() }),
          ...errors(400, 401, 404),
        },
      },
    },
    async (req) => listAllAuditEvents(deps.core, requireActor(req), toFilter(req.query)),
  );

  r.get(
    "/api/v1/audit.csv",
    {
      schema: {
        tags,
        summary: "Export every event of the portal as CSV (the operator); the export is itself audited",
        querystring: Filter,
      },
    },
    async (req, reply) => {
      const csv = await exportAllAuditEvents(deps.core, requireActor(req), toFilter(req.query));
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="audit-portal.csv"')
        .send(`\uFEFF${csv}`);
    },
  );
}
