import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { DomainError } from "../../../core/errors.ts";
import { createInstitution } from "../../../core/institutions/create-institution.ts";
import { getInstitution } from "../../../core/institutions/get-institution.ts";
import { listInstitutions } from "../../../core/institutions/list-institutions.ts";
import { LOGO_MAX_BYTES, setInstitutionLogo } from "../../../core/institutions/set-institution-logo.ts";
import { updateInstitution } from "../../../core/institutions/update-institution.ts";
import { SIGNATURE_LEVELS } from "../../../core/signing/signing.types.ts";
import { API_READ, PUBLIC, requireActor } from "../../http/auth.ts";
import { Slug } from "../../http/inputs.ts";
import { acceptLogoBodies, logoBytes, sendLogo } from "../../http/logo-body.ts";
import { errors, InstitutionOut } from "../../presenters/schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

const Name = z.string().trim().min(1).max(200);
const Color = z.string().max(7);
const Domain = z.string().max(253).nullable();
const Fields = { nameFr: Name, nameEn: Name, emailDomain: Domain, primaryColor: Color, accentColor: Color };
const SlugParams = z.strictObject({ slug: Slug });
const One = z.object({ institution: InstitutionOut });

export async function institutionRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);
  const tags = ["institutions"];

  acceptLogoBodies(app);

  r.get(
    "/api/v1/institutions",
    {
      config: API_READ,
      schema: {
        tags,
        summary: "Institutions the caller may see",
        response: { 200: z.object({ institutions: z.array(InstitutionOut) }), ...errors(401) },
      },
    },
    async (req) => ({ institutions: await listInstitutions(deps.core, requireActor(req)) }),
  );

  r.post(
    "/api/v1/institutions",
    {
      schema: {
        tags,
        summary: "Create an institution (operator)",
        body: z.strictObject({ slug: Slug, ...Fields, emailDomain: Domain.default(null) }),
        response: { 201: One, ...errors(400, 401, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.code(201).send({ institution: await createInstitution(deps.core, requireActor(req), req.body) }),
  );

  r.get(
    "/api/v1/institutions/:slug",
    {
      config: API_READ,
      schema: {
        tags,
        summary: "One institution",
        params: SlugParams,
        response: { 200: One, ...errors(401, 404) },
      },
    },
    async (req) => ({ institution: await getInstitution(deps.core, requireActor(req), req.params.slug) }),
  );

  r.patch(
    "/api/v1/institutions/:slug",
    {
      schema: {
        tags,
        summary: "Edit an institution (operator or its administrators)",
        params: SlugParams,
        body: z
          .strictObject({
            ...Fields,
            stampEnabled: z.boolean(),
            tsaUrl: z.string().max(500).nullable(),
            signatureLevel: z.enum(SIGNATURE_LEVELS).nullable(),
          })
          .partial(),
        response: { 200: One, ...errors(400, 401, 404) },
      },
    },
    async (req) => ({
      institution: await updateInstitution(deps.core, requireActor(req), req.params.slug, req.body),
    }),
  );

  r.put(
    "/api/v1/institutions/:slug/logo",
    {
      bodyLimit: LOGO_MAX_BYTES,
      schema: {
        tags,
        summary: "Set the logo: raw PNG, JPEG or WebP body, at most 256 KiB",
        params: SlugParams,
        response: { 200: One, ...errors(400, 401, 404, 413, 415) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return {
        institution: await setInstitutionLogo(deps.core, actor, req.params.slug, logoBytes(req.body)),
      };
    },
  );

  r.delete(
    "/api/v1/institutions/:slug/logo",
    {
      schema: {
        tags,
        summary: "Remove the logo",
        params: SlugParams,
        response: { 200: One, ...errors(401, 404) },
      },
    },
    async (req) => ({
      institution: await setInstitutionLogo(deps.core, requireActor(req), req.params.slug, null),
    }),
  );

  r.get(
    "/api/v1/institutions/:slug/logo",
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: "The institution's logo (public: emails and public pages show it)",
        params: SlugParams,
      },
    },
    async (req, reply) => {
      const logo = await deps.core.stores.institutions.getLogo(req.params.slug);
      if (!logo) throw new DomainError("not_found");
      return sendLogo(reply, logo);
    },
  );
}
