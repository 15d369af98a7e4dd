import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { archiveDocumentType } from "../../../core/document-types/archive-document-type.ts";
import { createDocumentType } from "../../../core/document-types/create-document-type.ts";
import { MAX_FEE_CENTS } from "../../../core/document-types/document-type-rules.ts";
import { getDocumentType } from "../../../core/document-types/get-document-type.ts";
import { listDocumentTypes } from "../../../core/document-types/list-document-types.ts";
import { updateDocumentType } from "../../../core/document-types/update-document-type.ts";
import { API_READ, requireActor } from "../../http/auth.ts";
import { Slug, Uuid } from "../../http/inputs.ts";
import { DocumentTypeOut } from "../../presenters/document-type-schemas.ts";
import { errors } from "../../presenters/schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

// Bounds only; the core checks the rules and explains them in both languages.
const Fields = {
  code: z.string().max(32),
  nameFr: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  descriptionFr: z.string().max(2000),
  descriptionEn: z.string().max(2000),
  unlockFeeCents: z.number().int().min(0).max(MAX_FEE_CENTS),
  shareFeeCents: z.number().int().min(0).max(MAX_FEE_CENTS),
  currency: z.string().max(3),
  downloadAllowed: z.boolean(),
  defaultShareDays: z.number().int().min(1).max(366),
};
const SlugParams = z.strictObject({ slug: Slug });
const IdParams = z.strictObject({ slug: Slug, id: Uuid });
const One = z.object({ documentType: DocumentTypeOut });

export async function documentTypeRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);
  const tags = ["document types"];

  r.get(
    "/api/v1/institutions/:slug/document-types",
    {
      config: API_READ,
      schema: {
        tags,
        summary: "The institution's document types (its staff); archived ones with ?archived=true",
        params: SlugParams,
        querystring: z.strictObject({ archived: z.enum(["true", "false"]).default("false") }),
        response: { 200: z.object({ documentTypes: z.array(DocumentTypeOut) }), ...errors(400, 401, 404) },
      },
    },
    async (req) => ({
      documentTypes: await listDocumentTypes(deps.core, requireActor(req), req.params.slug, {
        includeArchived: req.query.archived === "true",
      }),
    }),
  );

  r.post(
    "/api/v1/institutions/:slug/document-types",
    {
      schema: {
        tags,
        summary: "Add a document type (operator or the institution's administrators)",
        params: SlugParams,
        body: z.strictObject({
          ...Fields,
          descriptionFr: Fields.descriptionFr.default(""),
          descriptionEn: Fields.descriptionEn.default(""),
          unlockFeeCents: Fields.unlockFeeCents.default(0),
          shareFeeCents: Fields.shareFeeCents.default(0),
          currency: Fields.currency.default("CAD"),
          downloadAllowed: Fields.downloadAllowed.default(true),
          defaultShareDays: Fields.defaultShareDays.default(90),
        }),
        response: { 201: One, ...errors(400, 401, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.code(201).send({
        documentType: await createDocumentType(deps.core, requireActor(req), req.params.slug, req.body),
      }),
  );

  r.get(
    "/api/v1/institutions/:slug/document-types/:id",
    {
      config: API_READ,
      schema: {
        tags,
        summary: "One document type",
        params: IdParams,
        response: { 200: One, ...errors(401, 404) },
      },
    },
    async (req) => ({
      documentType: await getDocumentType(deps.core, requireActor(req), req.params.slug, req.params.id),
    }),
  );

  r.patch(
    "/api/v1/institutions/:slug/document-types/:id",
    {
      schema: {
        tags,
        summary: "Edit a document type (operator or the institution's administrators)",
        params: IdParams,
        body: z.strictObject(Fields).partial(),
        response: { 200: One, ...errors(400, 401, 404, 409) },
      },
    },
    async (req) => ({
      documentType: await updateDocumentType(
        deps.core,
        requireActor(req),
        req.params.slug,
        req.params.id,
        req.body,
      ),
    }),
  );

  for (const [action, archived] of [
    ["archive", true],
    ["restore", false],
  ] as const) {
    r.post(
      `/api/v1/institutions/:slug/document-types/:id/${action}`,
      {
        schema: {
          tags,
          summary: archived
            ? "Archive a document type (no hard delete: issued documents keep it)"
            : "Restore an archived document type",
          params: IdParams,
          response: { 200: One, ...errors(401, 404) },
        },
      },
      async (req) => ({
        documentType: await archiveDocumentType(
          deps.core,
          requireActor(req),
          req.params.slug,
          req.params.id,
          archived,
        ),
      }),
    );
  }
}
