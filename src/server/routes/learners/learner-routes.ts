import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { DomainError } from "../../../core/errors.ts";
import { createLearner } from "../../../core/learners/create-learner.ts";
import { getLearner } from "../../../core/learners/get-learner.ts";
import { importLearners } from "../../../core/learners/import-learners.ts";
import { LEARNER_CSV_MAX_BYTES } from "../../../core/learners/learner-csv.ts";
import { previewLearnerImport } from "../../../core/learners/preview-learner-import.ts";
import { LEARNER_PAGE_MAX, searchLearners } from "../../../core/learners/search-learners.ts";
import { updateLearner } from "../../../core/learners/update-learner.ts";
import { API_ISSUE, API_READ, requireActor } from "../../http/auth.ts";
import { Locale, Slug, Uuid } from "../../http/inputs.ts";
import {
  ImportPreviewOut,
  ImportResultOut,
  LearnerOut,
  LearnerPageOut,
} from "../../presenters/learner-schemas.ts";
import { errors } from "../../presenters/schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

// Bounds only; the core trims, checks the rules and explains them in both languages.
const Fields = {
  studentNumber: z.string().max(64),
  givenName: z.string().max(200),
  familyName: z.string().max(200),
  dateOfBirth: z.string().max(10).nullable(),
  institutionalEmail: z.string().max(254).nullable(),
  personalEmail: z.string().max(254).nullable(),
  locale: Locale,
};
const SlugParams = z.strictObject({ slug: Slug });
const IdParams = z.strictObject({ slug: Slug, id: Uuid });
const One = z.object({ learner: LearnerOut });
const Cursor = z.string().max(2000);

const csvBody = (req: FastifyRequest): Uint8Array => {
  if (!Buffer.isBuffer(req.body)) throw new DomainError("unsupported_media_type");
  return new Uint8Array(req.body);
};

export async function learnerRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);
  const tags = ["learners"];

  // The raw bytes: the core checks the encoding (UTF-8 only) and refuses anything else clearly.
  app.addContentTypeParser(
    "text/csv",
    { parseAs: "buffer", bodyLimit: LEARNER_CSV_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  r.get(
    "/api/v1/institutions/:slug/learners",
    {
      config: API_READ,
      schema: {
        tags,
        summary:
          "Search learners (staff): q matches names, student number, emails (case and accents ignored); keyset pages by family name, given name",
        params: SlugParams,
        querystring: z.strictObject({
          q: z.string().max(200).default(""),
          after: Cursor.optional(),
          before: Cursor.optional(),
          limit: z.coerce.number().int().min(1).max(LEARNER_PAGE_MAX).default(25),
        }),
        response: { 200: LearnerPageOut, ...errors(400, 401, 404) },
      },
    },
    async (req) => searchLearners(deps.core, requireActor(req), req.params.slug, req.query),
  );

  r.post(
    "/api/v1/institutions/:slug/learners",
    {
      config: API_ISSUE,
      schema: {
        tags,
        summary: "Add a learner record (staff)",
        params: SlugParams,
        body: z.strictObject({
          ...Fields,
          dateOfBirth: Fields.dateOfBirth.default(null),
          institutionalEmail: Fields.institutionalEmail.default(null),
          personalEmail: Fields.personalEmail.default(null),
          locale: Fields.locale.default("fr"),
        }),
        response: { 201: One, ...errors(400, 401, 404, 409) },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send({ learner: await createLearner(deps.core, requireActor(req), req.params.slug, req.body) }),
  );

  r.get(
    "/api/v1/institutions/:slug/learners/:id",
    {
      config: API_READ,
      schema: {
        tags,
        summary: "One learner record (staff)",
        params: IdParams,
        response: { 200: One, ...errors(401, 404) },
      },
    },
    async (req) => ({
      learner: await getLearner(deps.core, requireActor(req), req.params.slug, req.params.id),
    }),
  );

  r.patch(
    "/api/v1/institutions/:slug/learners/:id",
    {
      config: API_ISSUE,
      schema: {
        tags,
        summary: "Edit a learner record (staff); fields left out keep their value",
        params: IdParams,
        body: z.strictObject(Fields).partial(),
        response: { 200: One, ...errors(400, 401, 404, 409) },
      },
    },
    async (req) => ({
      learner: await updateLearner(deps.core, requireActor(req), req.params.slug, req.params.id, req.body),
    }),
  );

  r.post(
    "/api/v1/institutions/:slug/learners/import/preview",
    {
      config: API_ISSUE,
      bodyLimit: LEARNER_CSV_MAX_BYTES,
      schema: {
        tags,
        summary:
          "Preview a learners CSV import (text/csv, UTF-8, at most 5 MiB and 50,000 rows): every row's values, errors and action; writes nothing",
        params: SlugParams,
        response: { 200: ImportPreviewOut, ...errors(400, 401, 404, 413, 415) },
      },
    },
    async (req) => previewLearnerImport(deps.core, requireActor(req), req.params.slug, csvBody(req)),
  );

  r.post(
    "/api/v1/institutions/:slug/learners/import",
    {
      config: API_ISSUE,
      bodyLimit: LEARNER_CSV_MAX_BYTES,
      schema: {
        tags,
        summary:
          "Import a learners CSV (text/csv): all rows in one transaction, only when no row has an error (else 400 import_has_errors with issues rows.<line>.<field>)",
        params: SlugParams,
        response: { 200: ImportResultOut, ...errors(400, 401, 404, 413, 415) },
      },
    },
    async (req) => importLearners(deps.core, requireActor(req), req.params.slug, csvBody(req)),
  );
}
