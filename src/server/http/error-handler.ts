import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { isDomainError } from "../../core/errors.ts";
import { sendError } from "./send-error.ts";
import { issuePath, type SchemaIssue, zodIssueMessage } from "./zod-issue-message.ts";

const FASTIFY_CODES: Record<
  string,
  "validation_failed" | "unsupported_media_type" | "payload_too_large" | "csrf_invalid"
> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "validation_failed",
  FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
  FST_ERR_CTP_EMPTY_JSON_BODY: "validation_failed",
  FST_ERR_CTP_INVALID_JSON_BODY: "validation_failed",
  FST_ERR_BAD_STATUS_CODE: "validation_failed",
  FST_CSRF_INVALID_TOKEN: "csrf_invalid",
  FST_CSRF_MISSING_SECRET: "csrf_invalid",
};

/** The one error handler: domain errors, schema validation, fastify's own, and the unexpected (500, logged). */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (isDomainError(error)) {
    return sendError(reply, error.code, {
      ...(error.issues ? { issues: error.issues } : {}),
      ...(error.retryAfter ? { retryAfter: error.retryAfter } : {}),
    });
  }
  if (Array.isArray(error.validation) && error.validation.length > 0) {
    const issues = (error.validation as unknown as SchemaIssue[]).map((i) => ({
      path: [
        error.validationContext === "body" ? "" : `${error.validationContext ?? ""}`,
        issuePath(i.instancePath),
      ]
        .filter(Boolean)
        .join("."),
      message: zodIssueMessage(i),
    }));
    return sendError(reply, "validation_failed", { issues });
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) {
    if (mapped === "validation_failed" && error.code?.includes("JSON"))
      return sendError(reply, "validation_failed", {
        issues: [
          { path: "", message: { fr: "Le corps JSON est mal formé.", en: "The JSON body is malformed." } },
        ],
      });
    return sendError(reply, mapped);
  }
  if (error instanceof SyntaxError || error.statusCode === 400)
    return sendError(reply, "validation_failed", {
      issues: [{ path: "", message: { fr: "Requête mal formée.", en: "Malformed request." } }],
    });
  if (error.statusCode === 429) return sendError(reply, "rate_limited");
  if (error.statusCode === 413) return sendError(reply, "payload_too_large");
  if (error.statusCode === 415) return sendError(reply, "unsupported_media_type");
  if (error.statusCode === 404) return sendError(reply, "not_found");
  request.log.error({ err: error }, "unexpected error");
  return sendError(reply, "internal");
}
