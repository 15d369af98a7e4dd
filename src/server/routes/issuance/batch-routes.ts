import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { DomainError } from "../../../core/errors.ts";
import { createBatchForStaff } from "../../../core/issuance/create-batch.ts";
import { exportBatchErrors } from "../../../core/issuance/export-batch-errors.ts";
import { getBatch, listBatches, listBatchItems } from "../../../core/issuance/get-batch.ts";
import { MANIFEST_MAX_BYTES } from "../../../core/issuance/read-manifest.ts";
import { API_ISSUE, API_READ, requireActor } from "../../http/auth.ts";
import { Slug, Uuid } from "../../http/inputs.ts";
import { readMultipart } from "../../http/read-multipart.ts";
import { BatchCreatedOut, BatchItemOut, BatchOut } from "../../presenters/issuance-schemas.ts";
import { errors } from "../../presenters/schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

/** The largest ZIP of PDFs one upload may carry. */
export const BATCH_ZIP_MAX_BYTES = 1024 ** 3;

const SlugParams = z.strictObject({ slug: Slug });
const IdParams = z.strictObject({ slug: Slug, id: Uuid });

const missingFile = (path: string) =>
  new DomainError("validation_failed", {
    issues: [
      {
        path,
        message:
          path === "manifest"
            ? { fr: "Le manifeste CSV est manquant.", en: "The CSV manifest is missing." }
            : { fr: "L'archive ZIP des PDF est manquante.", en: "The ZIP archive of PDFs is missing." },
      },
    ],
  });

/** Bulk issuing: upload (validated as a whole), progress, rows, and the errors as CSV. */
export async function batchRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);
  const tags = ["batches"];
  await app.register(fastifyMultipart, {
    limits: { fileSize: BATCH_ZIP_MAX_BYTES, files: 2, fields: 1, parts: 3, fieldSize: 16 },
  });

  r.post(
    "/api/v1/institutions/:slug/batches",
    {
      config: API_ISSUE,
      schema: {
        tags,
        summary:
          "Issue in bulk (staff, or an API key with the issue scope): multipart/form-data with `manifest` (CSV: external_id, student_number, document_type, title, issue_date, file) and `files` (a ZIP of the PDFs), optional `dryRun=true`. Everything is checked before anything is written: any problem → 422 batch_has_errors listing every one (issues: rows.<line>.<column> or archive.<file>). Rows whose external id was issued before are left out; if none is left, batch is null. Otherwise 202 and the batch runs in the background.",
        consumes: ["multipart/form-data"],
        params: SlugParams,
        response: {
          200: BatchCreatedOut,
          202: BatchCreatedOut,
          ...errors(400, 401, 403, 404, 413, 415, 422),
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { files, fields } = await readMultipart(req, {
        files: { manifest: MANIFEST_MAX_BYTES, files: BATCH_ZIP_MAX_BYTES },
        fields: ["dryRun"] as const,
      });
      if (!files.manifest) throw missingFile("manifest");
      if (!files.files) throw missingFile("files");
      const result = await createBatchForStaff(deps.core, actor, req.params.slug, {
        manifest: files.manifest.bytes,
        manifestName: files.manifest.filename || "manifest.csv",
        zip: files.files.bytes,
        source: actor.apiKey ? "api" : "web",
        dryRun: fields.dryRun === "true",
      });
      reply.code(result.batch ? 202 : 200);
      return result;
    },
  );

  r.get(
    "/api/v1/institutions/:slug/batches",
    {
      config: API_READ,
      schema: {
        tags,
        summary: "The institution's latest batches with their progress, newest first",
        params: SlugParams,
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: z.object({ batches: z.array(BatchOut) }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => ({
      batches: await listBatches(deps.core, requireActor(req), req.params.slug, req.query.limit),
    }),
  );

  r.get(
    "/api/v1/institutions/:slug/batches/:id",
    {
      config: API_READ,
      schema: {
        tags,
        summary: "A batch's status and counts: issued, skipped (issued before), failed, pending",
        params: IdParams,
        response: { 200: z.object({ batch: BatchOut }), ...errors(401, 403, 404) },
      },
    },
    async (req) => ({ batch: await getBatch(deps.core, requireActor(req), req.params.slug, req.params.id) }),
  );

  r.get(
    "/api/v1/institutions/:slug/batches/:id/items",
    {
      config: API_READ,
      schema: {
        tags,
        summary: "A batch's rows in manifest order (afterRow pages on), optionally of one status",
        params: IdParams,
        querystring: z.strictObject({
          status: z.enum(["pending", "issued", "skipped", "failed"]).optional(),
          afterRow: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(BatchItemOut) }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => ({
      items: await listBatchItems(deps.core, requireActor(req), req.params.slug, req.params.id, req.query),
    }),
  );

  r.get(
    "/api/v1/institutions/:slug/batches/:id/errors.csv",
    {
      config: API_READ,
      schema: {
        tags,
        summary:
          "The failed and skipped rows as CSV (cells that look like formulas are neutralised); audited",
        params: IdParams,
        response: { 200: z.string(), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const csv = await exportBatchErrors(deps.core, requireActor(req), req.params.slug, req.params.id);
      reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="batch-${req.params.id}-errors.csv"`);
      return csv;
    },
  );
}
