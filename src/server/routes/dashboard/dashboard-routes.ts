import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { getInstitutionDashboard } from "../../../core/dashboard/get-institution-dashboard.ts";
import { resendFailedMail } from "../../../core/jobs/resend-failed-mail.ts";
import { requireActor } from "../../http/auth.ts";
import { Slug, Uuid } from "../../http/inputs.ts";
import { InstitutionDashboardOut } from "../../presenters/dashboard-schemas.ts";
import { errors } from "../../presenters/schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

export async function dashboardRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);

  r.get(
    "/api/v1/institutions/:slug/dashboard",
    {
      schema: {
        tags: ["dashboard"],
        summary:
          "The institution's overview (staff): documents issued and claimed, learner invitations, failed emails, recent batches, documents issued per day (last 30 UTC days)",
        params: z.strictObject({ slug: Slug }),
        response: { 200: InstitutionDashboardOut, ...errors(400, 401, 404) },
      },
    },
    async (req) => getInstitutionDashboard(deps.core, requireActor(req), req.params.slug),
  );

  r.post(
    "/api/v1/institutions/:slug/failed-emails/:id/resend",
    {
      schema: {
        tags: ["dashboard"],
        summary:
          "Put an email that failed for good (bounced, or out of attempts) back in the queue (staff); audited. Learner invitations are resent from the learner instead.",
        params: z.strictObject({ slug: Slug, id: Uuid }),
        response: { 200: z.object({ resent: z.literal(true) }), ...errors(400, 401, 404) },
      },
    },
    async (req) => {
      await resendFailedMail(deps.core, requireActor(req), req.params.slug, req.params.id);
      return { resent: true as const };
    },
  );
}
