import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { issueDocumentForStaff } from "../../../core/issuance/issue-document-for-staff.ts";
import { EXTERNAL_ID_MAX, PDF_MAX_BYTES, TITLE_MAX } from "../../../core/issuance/issue-rules.ts";
import { API_ISSUE, requireActor } from "../../http/auth.ts";
import { Slug, Uuid } from "../../http/inputs.ts";
import { IssuedDocumentOut } from "../../presenters/issuance-schemas.ts";
import { errors } from "../../presenters/schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

/** A PDF of PDF_MAX_BYTES takes 4/3 as many base64 characters. */
const BASE64_MAX = Math.ceil(PDF_MAX_BYTES / 3) * 4;

const IssueBody = z.strictObject({
  learnerId: Uuid.optional(),
  studentNumber: z.string().min(1).max(64).optional(),
  documentTypeId: Uuid.optional(),
  documentTypeCode: z.string().min(1).max(32).optional(),
  title: z.string().max(TITLE_MAX),
  issueDate: z.string().max(10),
  externalId: z.string().max(EXTERNAL_ID_MAX).optional(),
  /** The PDF, base64-encoded. */
  pdf: z.base64().min(1).max(BASE64_MAX),
});

/** Issuing one document (web app and API). */
export async function issueRoutes(app: FastifyInstance, { deps }: RouteContext) {
  typed(app).post(
    "/api/v1/institutions/:slug/documents",
    {
      config: API_ISSUE,
      bodyLimit: BASE64_MAX + 64 * 1024,
      schema: {
        tags: ["documents"],
        summary:
          "Issue one document to a learner (staff, or an API key with the issue scope): JSON with the PDF in base64 (at most 20 MiB); the learner by learnerId or studentNumber, the type by documentTypeId or documentTypeCode. With an externalId issued before to the same learner, answers 200 with that document (created: false); new: 201. Takes an Idempotency-Key.",
        params: z.strictObject({ slug: Slug }),
        body: IssueBody,
        response: {
          200: IssuedDocumentOut,
          201: IssuedDocumentOut,
          ...errors(400, 401, 403, 404, 409, 413, 415),
        },
      },
    },
    async (req, reply) => {
      const { pdf, ...rest } = req.body;
      const { document, created } = await issueDocumentForStaff(
        deps.core,
        requireActor(req),
        req.params.slug,
        {
          ...rest,
          pdf: new Uint8Array(Buffer.from(pdf, "base64")),
        },
      );
      reply.code(created ? 201 : 200);
      return {
        document: {
          id: document.id,
          title: document.title,
          status: document.status,
          learnerId: document.learnerId,
          documentTypeId: document.documentTypeId,
          issueDate: document.issueDate,
          externalId: document.externalId,
          sha256: document.sha256,
          signedAt: document.signedAt.toISOString(),
        },
        created,
      };
    },
  );
}
