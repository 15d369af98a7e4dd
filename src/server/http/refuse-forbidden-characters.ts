import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from "fastify";
import { DomainError, type FieldIssue } from "../../core/errors.ts";
import { forbiddenCharacterMessage, forbiddenCharacterPaths } from "../../core/forbidden-characters.ts";

const issuesIn = (value: unknown, prefix: string): FieldIssue[] =>
  forbiddenCharacterPaths(value).map((p) => {
    const path = [prefix, p].filter(Boolean).join(".");
    return { path, message: forbiddenCharacterMessage(path || "body") };
  });

/**
 * A preValidation hook on the root app, so it runs for every route, present and future, with a
 * schema or without: a path parameter, query parameter or field of a parsed body (JSON, form)
 * holding U+0000 or a lone surrogate is a 400 validation_failed naming each such field, before the
 * route's schema or handler sees it (PostgreSQL would refuse the text with a 500). Paths are named
 * as schema issues are: "params.slug", "querystring.q", body fields bare ("nameFr", "items.0.name").
 * Raw bodies (PDF, CSV, images: Buffers) are left to their readers (the CSV readers check each
 * cell), and multipart fields to readMultipart, the one reader of multipart bodies.
 */
export function refuseForbiddenCharacters(
  req: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  const issues = [
    ...issuesIn(req.params, "params"),
    ...issuesIn(req.query, "querystring"),
    ...(Buffer.isBuffer(req.body) ? [] : issuesIn(req.body, "")),
  ];
  done(issues.length > 0 ? new DomainError("validation_failed", { issues }) : undefined);
}
