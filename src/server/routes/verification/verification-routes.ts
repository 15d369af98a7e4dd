import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { getDocumentVerification } from "../../../core/documents/get-document-verification.ts";
import { DomainError } from "../../../core/errors.ts";
import { portalTrustAnchors, verifyDocument } from "../../../core/verification/verify-document.ts";
import { PUBLIC } from "../../http/auth.ts";
import { errors } from "../../presenters/schemas.ts";
import { DocumentVerificationOut, VerificationReportOut } from "../../presenters/verification-schemas.ts";
import { perMinuteLimit, type RouteContext, typed } from "../route-context.ts";

/** Largest file the public verifier accepts. */
export const VERIFY_MAX_BYTES = 25 * 1024 * 1024;

const noFile = () =>
  new DomainError("validation_failed", {
    issues: [{ path: "file", message: { fr: "Aucun fichier reçu.", en: "No file received." } }],
  });

/** Public verification: anyone, no account. Uploaded files stay in memory and are never stored. */
export async function verificationRoutes(app: FastifyInstance, { config, deps }: RouteContext) {
  const r = typed(app);
  const tags = ["verification"];
  const limited = { ...PUBLIC, ...perMinuteLimit(config, config.verifyRateLimit) };

  app.addContentTypeParser(
    "application/pdf",
    { parseAs: "buffer", bodyLimit: VERIFY_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );
  await app.register(fastifyMultipart, {
    limits: { fileSize: VERIFY_MAX_BYTES, files: 1, fields: 0, parts: 1 },
  });

  r.post(
    "/api/v1/verify",
    {
      config: limited,
      bodyLimit: VERIFY_MAX_BYTES,
      schema: {
        tags,
        summary:
          "Verify a PDF: body application/pdf, or multipart/form-data with one file (at most 25 MiB; never stored)",
        response: { 200: VerificationReportOut, ...errors(400, 413, 415, 429) },
      },
    },
    async (req) => {
      let bytes: Uint8Array;
      if (req.isMultipart()) {
        const file = await req.file().catch(() => {
          throw noFile();
        });
        if (!file) throw noFile();
        const buffer = await file.toBuffer().catch((e: { code?: string }) => {
          throw new DomainError(
            e.code === "FST_REQ_FILE_TOO_LARGE" ? "payload_too_large" : "validation_failed",
          );
        });
        bytes = new Uint8Array(buffer);
      } else if (Buffer.isBuffer(req.body)) {
        bytes = new Uint8Array(req.body);
      } else {
        throw new DomainError("unsupported_media_type");
      }
      return verifyDocument(deps.core, bytes);
    },
  );

  r.get(
    "/api/v1/documents/:id/verification",
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: "A document's public registry record (the target of the QR code printed on it)",
        params: z.strictObject({ id: z.string().max(64) }),
        response: { 200: z.object({ document: DocumentVerificationOut }), ...errors(404) },
      },
    },
    async (req) => ({ document: await getDocumentVerification(deps.core, req.params.id) }),
  );

  app.get(
    "/pki/roots.pem",
    { schema: { tags, summary: "The trust anchors a third party needs (PEM)" } },
    async (_req, reply) => {
      const anchors = await portalTrustAnchors(deps.core);
      if (anchors.length === 0) throw new DomainError("not_found");
      return reply
        .type("application/x-pem-file")
        .header("cache-control", "public, max-age=3600")
        .send(deps.derToPem(anchors));
    },
  );
}
