import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { getLearnerInvitation } from "../../../core/learner-invitations/get-learner-invitation.ts";
import { resendLearnerInvitation } from "../../../core/learner-invitations/resend-learner-invitation.ts";
import { API_READ, requireActor } from "../../http/auth.ts";
import { Slug, Uuid } from "../../http/inputs.ts";
import { LearnerInvitationOut } from "../../presenters/issuance-schemas.ts";
import { errors } from "../../presenters/schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

const Params = z.strictObject({ slug: Slug, id: Uuid });

/** A learner's invitation (access code email): its status, and a resend for staff. */
export async function learnerInvitationRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);
  const tags = ["learners"];
  r.get(
    "/api/v1/institutions/:slug/learners/:id/invitation",
    {
      config: API_READ,
      schema: {
        tags,
        summary:
          "The learner's invitation: queued, sent, failed (with the error) or claimed; null before a first document",
        params: Params,
        response: {
          200: z.object({ invitation: LearnerInvitationOut.nullable() }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => ({
      invitation: await getLearnerInvitation(deps.core, requireActor(req), req.params.slug, req.params.id),
    }),
  );

  r.post(
    "/api/v1/institutions/:slug/learners/:id/invitation/resend",
    {
      schema: {
        tags,
        summary:
          "Send the learner a new access code and claim password (the old code stops working); audited",
        params: Params,
        response: { 200: z.object({ invitation: LearnerInvitationOut }), ...errors(401, 403, 404, 409) },
      },
    },
    async (req) => ({
      invitation: await resendLearnerInvitation(deps.core, requireActor(req), req.params.slug, req.params.id),
    }),
  );
}
