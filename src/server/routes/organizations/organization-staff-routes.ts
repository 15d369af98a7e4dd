import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  acceptOrganizationInvitation,
  lookupOrganizationInvitation,
} from "../../../core/organizations/accept-organization-invitation.ts";
import { inviteOrganizationStaff } from "../../../core/organizations/invite-organization-staff.ts";
import {
  cancelOrganizationInvitation,
  listOrganizationInvitations,
} from "../../../core/organizations/organization-invitations.ts";
import {
  listOrganizationStaff,
  removeOrganizationStaff,
} from "../../../core/organizations/organization-staff.ts";
import { clientInfo, PUBLIC, requireActor } from "../../http/auth.ts";
import { DisplayName, Email, Locale, Password, Slug, Uuid } from "../../http/inputs.ts";
import { SignInOut, sendSignInOutcome } from "../../http/sign-in-outcome.ts";
import {
  OrgSlugParams,
  PendingStaffInvitationOut,
  StaffInvitationLookupOut,
  StaffInvitationOut,
  StaffMemberOut,
  StaffRole,
} from "../../presenters/organization-schemas.ts";
import { errors } from "../../presenters/schemas.ts";
import { authRateLimit, type RouteContext, typed } from "../route-context.ts";

/** Organization invitation tokens are signed and carry their claims: longer than random tokens. */
const InvitationToken = z.string().min(1).max(1000);

/** An organization's staff: invitations by the operator and its admins, acceptance by the invitee. */
export async function organizationStaffRoutes(app: FastifyInstance, { config, deps }: RouteContext) {
  const r = typed(app);
  const tags = ["organizations"];

  r.get(
    "/api/v1/organizations/:slug/staff",
    {
      schema: {
        tags,
        summary: "The organization's admins and reviewers (operator or its admins)",
        params: OrgSlugParams,
        response: { 200: z.object({ staff: z.array(StaffMemberOut) }), ...errors(401, 404) },
      },
    },
    async (req) => ({ staff: await listOrganizationStaff(deps.core, requireActor(req), req.params.slug) }),
  );

  r.post(
    "/api/v1/organizations/:slug/invitations",
    {
      schema: {
        tags,
        summary: "Invite a person by email as administrator or reviewer (operator or its admins)",
        params: OrgSlugParams,
        body: z.strictObject({ email: Email, role: StaffRole, locale: Locale.optional() }),
        response: {
          201: z.object({ invitation: StaffInvitationOut }),
          ...errors(400, 401, 404, 409),
        },
      },
    },
    async (req, reply) => {
      const invitation = await inviteOrganizationStaff(deps.core, requireActor(req), req.params.slug, {
        ...req.body,
        locale: req.body.locale ?? "fr",
      });
      return reply.code(201).send({ invitation });
    },
  );

  r.get(
    "/api/v1/organizations/:slug/invitations",
    {
      schema: {
        tags,
        summary: "The organization's pending staff invitations, newest first (operator or its admins)",
        params: OrgSlugParams,
        response: {
          200: z.object({ invitations: z.array(PendingStaffInvitationOut) }),
          ...errors(401, 404),
        },
      },
    },
    async (req) => ({
      invitations: await listOrganizationInvitations(deps.core, requireActor(req), req.params.slug),
    }),
  );

  r.delete(
    "/api/v1/organizations/:slug/invitations/:invitationId",
    {
      schema: {
        tags,
        summary:
          "Cancel a pending staff invitation: its link is refused from now on (operator or its admins)",
        params: z.strictObject({ slug: Slug, invitationId: Uuid }),
        response: { 204: z.null(), ...errors(401, 404) },
      },
    },
    async (req, reply) => {
      await cancelOrganizationInvitation(
        deps.core,
        requireActor(req),
        req.params.slug,
        req.params.invitationId,
      );
      return reply.code(204).send(null);
    },
  );

  r.delete(
    "/api/v1/organizations/:slug/staff/:membershipId",
    {
      schema: {
        tags,
        summary: "Remove a person from the organization's staff (operator or its admins)",
        params: z.strictObject({ slug: Slug, membershipId: Uuid }),
        response: { 204: z.null(), ...errors(401, 404, 409) },
      },
    },
    async (req, reply) => {
      await removeOrganizationStaff(deps.core, requireActor(req), req.params.slug, req.params.membershipId);
      return reply.code(204).send(null);
    },
  );

  r.post(
    "/api/v1/organization-invitations/lookup",
    {
      config: { ...PUBLIC, ...authRateLimit(config) },
      schema: {
        tags,
        summary: "What an organization invitation link is for",
        body: z.strictObject({ token: InvitationToken }),
        response: {
          200: z.object({ invitation: StaffInvitationLookupOut }),
          ...errors(400, 404, 429),
        },
      },
    },
    async (req) => ({ invitation: await lookupOrganizationInvitation(deps.core, req.body.token) }),
  );

  r.post(
    "/api/v1/organization-invitations/accept",
    {
      config: { ...PUBLIC, ...authRateLimit(config) },
      schema: {
        tags,
        summary: "Accept an organization invitation: set a password (or give the existing one) and sign in",
        body: z.strictObject({
          token: InvitationToken,
          displayName: DisplayName.optional(),
          password: Password,
          locale: Locale.optional(),
        }),
        response: { 200: SignInOut, ...errors(400, 403, 404, 429) },
      },
    },
    async (req, reply) => {
      const result = await acceptOrganizationInvitation(deps.core, {
        token: req.body.token,
        displayName: req.body.displayName ?? "",
        password: req.body.password,
        locale: req.body.locale ?? "fr",
        ...clientInfo(req),
      });
      return sendSignInOutcome(reply, result, config.secure);
    },
  );
}
