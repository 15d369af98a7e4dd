import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { getInstitutionDashboard } from "../../../core/dashboard/get-institution-dashboard.ts";
import { requireActor } from "../../http/auth.ts";
import { Slug } from "../../http/inputs.ts";
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
}
