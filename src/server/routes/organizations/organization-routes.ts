import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { requireAccess } from "../../../core/access/require-access.ts";
import { DomainError } from "../../../core/errors.ts";
import { LOGO_MAX_BYTES } from "../../../core/institutions/set-institution-logo.ts";
import { createOrganization } from "../../../core/organizations/create-organization.ts";
import {
  listOrganizations,
  listStaffedOrganizations,
  searchDirectory,
} from "../../../core/organizations/list-organizations.ts";
import { setOrganizationLogo } from "../../../core/organizations/set-organization-logo.ts";
import { updateOrganization } from "../../../core/organizations/update-organization.ts";
import { PUBLIC, requireActor } from "../../http/auth.ts";
import { acceptLogoBodies, logoBytes, sendLogo } from "../../http/logo-body.ts";
import {
  DirectoryEntryOut,
  NewOrganizationSlug,
  OrganizationFields,
  OrganizationOut,
  OrgSlugParams,
} from "../../presenters/organization-schemas.ts";
import { errors } from "../../presenters/schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

const One = z.object({ organization: OrganizationOut });
const Q = z.string().max(200).optional();

/** The organization directory: searched by anyone signed in, kept by the operator. */
export async function organizationRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);
  const tags = ["organizations"];
  acceptLogoBodies(app);

  r.get(
    "/api/v1/organizations",
    {
      schema: {
        tags,
        summary: "Search the directory of active organizations (anyone signed in; no contact emails)",
        querystring: z.strictObject({ q: Q }),
        response: { 200: z.object({ organizations: z.array(DirectoryEntryOut) }), ...errors(400, 401, 404) },
      },
    },
    async (req) => ({
      organizations: await searchDirectory(deps.core, requireActor(req), req.query.q ?? ""),
    }),
  );

  r.get(
    "/api/v1/organizations/mine",
    {
      schema: {
        tags,
        summary: "The organizations whose staff the caller belongs to",
        response: { 200: z.object({ organizations: z.array(OrganizationOut) }), ...errors(401) },
      },
    },
    async (req) => ({ organizations: await listStaffedOrganizations(deps.core, requireActor(req)) }),
  );

  r.get(
    "/api/v1/operator/organizations",
    {
      schema: {
        tags,
        summary: "Every organization, archived ones too, with contact emails (operator)",
        querystring: z.strictObject({ q: Q }),
        response: { 200: z.object({ organizations: z.array(OrganizationOut) }), ...errors(400, 401, 404) },
      },
    },
    async (req) => ({
      organizations: await listOrganizations(deps.core, requireActor(req), req.query.q ?? ""),
    }),
  );

  r.post(
    "/api/v1/operator/organizations",
    {
      schema: {
        tags,
        summary: "Add an organization to the directory (operator)",
        body: z.strictObject({ slug: NewOrganizationSlug, ...OrganizationFields }),
        response: { 201: One, ...errors(400, 401, 404, 409) },
      },
    },
    async (req, reply) => {
      const organization = await createOrganization(deps.core, requireActor(req), req.body);
      return reply.code(201).send({ organization });
    },
  );

  r.get(
    "/api/v1/organizations/:slug",
    {
      schema: {
        tags,
        summary: "One organization (the operator, or its own staff)",
        params: OrgSlugParams,
        response: { 200: One, ...errors(401, 404) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const org = await requireAccess(deps.core, actor, "organization.manage", req.params.slug).catch(() =>
        requireAccess(deps.core, actor, "organization.inbox", req.params.slug),
      );
      return { organization: org };
    },
  );

  r.patch(
    "/api/v1/operator/organizations/:slug",
    {
      schema: {
        tags,
        summary: "Edit, archive (archived: true) or restore an organization (operator)",
        params: OrgSlugParams,
        body: z.strictObject({ ...OrganizationFields, archived: z.boolean() }).partial(),
        response: { 200: One, ...errors(400, 401, 404) },
      },
    },
    async (req) => ({
      organization: await updateOrganization(deps.core, requireActor(req), req.params.slug, req.body),
    }),
  );

  r.put(
    "/api/v1/operator/organizations/:slug/logo",
    {
      bodyLimit: LOGO_MAX_BYTES,
      schema: {
        tags,
        summary: "Set the logo: raw PNG, JPEG or WebP body, at most 256 KiB (operator)",
        params: OrgSlugParams,
        response: { 200: One, ...errors(400, 401, 404, 413, 415) },
      },
    },
    async (req) => ({
      organization: await setOrganizationLogo(
        deps.core,
        requireActor(req),
        req.params.slug,
        logoBytes(req.body),
      ),
    }),
  );

  r.delete(
    "/api/v1/operator/organizations/:slug/logo",
    {
      schema: {
        tags,
        summary: "Remove the logo (operator)",
        params: OrgSlugParams,
        response: { 200: One, ...errors(401, 404) },
      },
    },
    async (req) => ({
      organization: await setOrganizationLogo(deps.core, requireActor(req), req.params.slug, null),
    }),
  );

  r.get(
    "/api/v1/organizations/:slug/logo",
    {
      config: PUBLIC,
      schema: { tags, summary: "An active organization's logo (public)", params: OrgSlugParams },
    },
    async (req, reply) => {
      const logo = await deps.core.stores.organizations.getLogo(req.params.slug);
      if (!logo) throw new DomainError("not_found");
      return sendLogo(reply, logo);
    },
  );
}
