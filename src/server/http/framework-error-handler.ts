import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "./send-error.ts";

/**
 * Fastify's own refusals before any route or hook runs (its `frameworkErrors` option): a path that
 * is not valid percent-encoded UTF-8 (e.g. %ED%A0%80, a lone surrogate, or %FF) and an overlong
 * path segment get the bilingual 400 validation_failed, not fastify's English JSON.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  reply.header("x-request-id", request.id);
  if (error.code === "FST_ERR_BAD_URL")
    return sendError(reply, "validation_failed", {
      issues: [
        {
          path: "url",
          message: {
            fr: "L'adresse contient un encodage invalide : chaque %XX doit former de l'UTF-8 valide.",
            en: "The address has an invalid encoding: every %XX must form valid UTF-8.",
          },
        },
      ],
    });
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH")
    return sendError(reply, "validation_failed", {
      issues: [
        {
          path: "url",
          message: {
            fr: "Un segment de l'adresse est trop long.",
            en: "A segment of the address is too long.",
          },
        },
      ],
    });
  request.log.error({ err: error }, "unexpected framework error");
  return sendError(reply, "internal");
}
