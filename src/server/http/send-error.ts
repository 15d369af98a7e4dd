import type { FastifyReply } from "fastify";
import { ERROR_MESSAGES, tooManyAttemptsMessage } from "../../core/error-messages.ts";
import type { ErrorCode, FieldIssue } from "../../core/errors.ts";
import type { ApiErrorBody } from "../../core/errors.types.ts";
import { ERROR_STATUS } from "./error-status.ts";

/** Sends the bilingual error body for a code, with its mapped status. */
export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  options: { issues?: FieldIssue[]; retryAfter?: number } = {},
): FastifyReply {
  const body: ApiErrorBody = {
    error: {
      code,
      message:
        code === "too_many_attempts" && options.retryAfter
          ? tooManyAttemptsMessage(options.retryAfter)
          : ERROR_MESSAGES[code],
      ...(options.issues?.length ? { issues: options.issues } : {}),
      requestId: String(reply.request.id),
    },
  };
  if (options.retryAfter) reply.header("retry-after", String(options.retryAfter));
  return reply.code(ERROR_STATUS[code]).type("application/json; charset=utf-8").send(body);
}
