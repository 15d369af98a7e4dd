import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { cancelInvitation } from "../../../core/institutions/cancel-invitation.ts";
import { inviteStaff } from "../../../core/institutions/invite-staff.ts";
import { listStaff } from "../../../core/institutions/list-staff.ts";
import { removeStaff } from "../../../core/institutions/remove-staff.ts";
import { resendInvitation } from "../../../core/institutions/resend-invitation.ts";
import { requireActor } from "../../http/auth.ts";
import { Email, InstitutionRole, Locale, Slug, Uuid } from "../../http/inputs.ts";
import { errors, InvitationOut, StaffMemberOut } from "../../presenters/schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

export async function staffRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);
  const tags = ["staff"];
  const OneInvitation = z.object({ invitation: InvitationOut });

  r.get(
    "/api/v1/institutions/:slug/staff",
    {
      schema: {
        tags,
        summary: "Staff and open invitations of an institution",
        params: z.strictObject({ slug: Slug }),
        response: {
          200: z.object({ staff: z.array(StaffMemberOut), invitations: z.array(InvitationOut) }),
          ...errors(401, 404),
        },
      },
    },
    async (req) => listStaff(deps.core, requireActor(req), req.params.slug),
  );

  r.post(
    "/api/v1/institutions/:slug/invitations",
    {
      schema: {
        tags,
        summary: "Invite a person by email",
        params: z.strictObject({ slug: Slug }),
        body: z.strictObject({ email: Email, role: InstitutionRole, locale: Locale.optional() }),
        response: { 201: OneInvitation, ...errors(400, 401, 404, 409) },
      },
    },
    async (req, reply) => {
      const invitation = await inviteStaff(deps.core, requireActor(req), req.params.slug, {
        email: req.body.email,
        role: req.body.role,
        locale: req.body.locale ?? "fr",
      });
      return reply.code(201).send({ invitation });
    },
  );

  r.post(
    "/api/v1/institutions/:slug/invitations/:id/resend",
    {
      schema: {
        tags,
        summary: "Send a new invitation link (the old one stops working)",
        params: z.strictObject({ slug: Slug, id: Uuid }),
        response: { 200: OneInvitation, ...errors(401, 404) },
      },
    },
    async (req) => ({
      invitation: await resendInvitation(deps.core, requireActor(req), req.params.slug, req.params.id),
    }),
  );

  r.delete(
    "/api/v1/institutions/:slug/invitations/:id",
    {
      schema: {
        tags,
        summary: "Cancel an invitation",
        params: z.strictObject({ slug: Slug, id: Uuid }),
        response: { 204: z.null(), ...errors(401, 404) },
      },
    },
    async (req, reply) => {
      await cancelInvitation(deps.core, requireActor(req), req.params.slug, req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.delete(
    "/api/v1/institutions/:slug/staff/:membershipId",
    {
      schema: {
        tags,
        summary: "Remove a person from the institution's staff",
        params: z.strictObject({ slug: Slug, membershipId: Uuid }),
        response: { 204: z.null(), ...errors(401, 404, 409) },
      },
    },
    async (req, reply) => {
      await removeStaff(deps.core, requireActor(req), req.params.slug, req.params.membershipId);
      return reply.code(204).send(null);
    },
  );
}
