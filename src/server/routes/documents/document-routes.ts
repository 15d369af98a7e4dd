import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { REASON_MAX } from "../../../core/documents/document-rules.ts";
import { getDocument } from "../../../core/documents/get-document.ts";
import { DOCUMENT_PAGE_MAX, listDocuments } from "../../../core/documents/list-documents.ts";
import { readDocumentFile } from "../../../core/documents/read-document-file.ts";
import { replaceDocument } from "../../../core/documents/replace-document.ts";
import { revokeDocument } from "../../../core/documents/revoke-document.ts";
import { PDF_MAX_BYTES, TITLE_MAX } from "../../../core/issuance/issue-rules.ts";
import { API_READ, API_REVOKE, requireActor } from "../../http/auth.ts";
import { Slug, Uuid } from "../../http/inputs.ts";
import { DocumentDetailOut, DocumentPageOut } from "../../presenters/document-schemas.ts";
import { errors } from "../../presenters/schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";
import { readReplacementUpload } from "./read-replacement-upload.ts";

const SlugParams = z.strictObject({ slug: Slug });
const IdParams = z.strictObject({ slug: Slug, id: Uuid });
const One = z.object({ document: DocumentDetailOut });

/** The staff side of an institution's document registry: list, detail, download, revoke, replace. */
export async function documentRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);
  const tags = ["documents"];
  await app.register(fastifyMultipart, {
    limits: { fileSize: PDF_MAX_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 1024 },
  });

  r.get(
    "/api/v1/institutions/:slug/documents",
    {
      config: API_READ,
      schema: {
        tags,
        summary:
          "The institution's documents, newest first (staff): q matches the title, external id, learner's names or student number; keyset pages (cursor = nextCursor)",
        params: SlugParams,
        querystring: z.strictObject({
          q: z.string().max(200).default(""),
          status: z.enum(["active", "revoked", "superseded"]).optional(),
          documentTypeId: Uuid.optional(),
          learnerId: Uuid.optional(),
          batchId: Uuid.optional(),
          cursor: z.string().max(500).optional(),
          limit: z.coerce.number().int().min(1).max(DOCUMENT_PAGE_MAX).default(25),
        }),
        response: { 200: DocumentPageOut, ...errors(400, 401, 404) },
      },
    },
    async (req) => listDocuments(deps.core, requireActor(req), req.params.slug, req.query),
  );

  r.get(
    "/api/v1/institutions/:slug/documents/:id",
    {
      config: API_READ,
      schema: {
        tags,
        summary: "One document (staff): learner, type, status with revocation or replacement links",
        params: IdParams,
        response: { 200: One, ...errors(401, 404) },
      },
    },
    async (req) => ({
      document: await getDocument(deps.core, requireActor(req), req.params.slug, req.params.id),
    }),
  );

  r.get(
    "/api/v1/institutions/:slug/documents/:id/file",
    {
      config: API_READ,
      schema: {
        tags,
        summary: "Download the signed PDF as issued (staff; any status)",
        params: IdParams,
        produces: ["application/pdf"],
      },
    },
    async (req, reply) => {
      const file = await readDocumentFile(deps.core, requireActor(req), req.params.slug, req.params.id);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .header("cache-control", "private, no-store")
        .header("x-content-type-options", "nosniff")
        .send(Buffer.from(file.bytes));
    },
  );

  r.post(
    "/api/v1/institutions/:slug/documents/:id/revoke",
    {
      config: API_REVOKE,
      schema: {
        tags,
        summary:
          "Revoke an active document with a reason (3 to 500 characters) shown by verification; the learner is emailed (staff)",
        params: IdParams,
        body: z.strictObject({ reason: z.string().max(REASON_MAX * 2) }),
        response: { 200: One, ...errors(400, 401, 404, 409) },
      },
    },
    async (req) => ({
      document: await revokeDocument(deps.core, requireActor(req), req.params.slug, req.params.id, req.body),
    }),
  );

  r.post(
    "/api/v1/institutions/:slug/documents/:id/replace",
    {
      config: API_REVOKE,
      bodyLimit: PDF_MAX_BYTES + 64 * 1024,
      schema: {
        tags,
        summary: "Replace an active document with a corrected PDF (staff); answers the new document",
        description: `multipart/form-data: \`file\` (the PDF, at most 20 MiB), optional \`title\` (at most ${TITLE_MAX} characters) and \`issueDate\` (YYYY-MM-DD); both default to the old document's. The old document becomes "superseded by" the new one and the learner is emailed.`,
        consumes: ["multipart/form-data"],
        params: IdParams,
        response: { 201: One, ...errors(400, 401, 404, 409, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const upload = await readReplacementUpload(req);
      const document = await replaceDocument(
        deps.core,
        requireActor(req),
        req.params.slug,
        req.params.id,
        upload,
      );
      return reply.code(201).send({ document });
    },
  );
}
