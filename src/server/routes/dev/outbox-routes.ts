import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { DomainError } from "../../../core/errors.ts";
import { PUBLIC } from "../../http/auth.ts";
import { errors, OutboxMessageOut, OutboxSummaryOut } from "../../presenters/schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

/** The development outbox: registered only when mail goes to DATA_DIR instead of SMTP, never in production. */
export async function outboxRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const outbox = deps.outbox;
  if (!outbox) return;
  const r = typed(app);
  const tags = ["development"];
  const Id = z.strictObject({ id: z.string().max(60) });

  r.get(
    "/api/v1/dev/outbox",
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: "Emails the portal sent (development only)",
        response: { 200: z.object({ messages: z.array(OutboxSummaryOut) }) },
      },
    },
    async () => ({ messages: await outbox.list() }),
  );

  r.get(
    "/api/v1/dev/outbox/:id",
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: "One email (development only)",
        params: Id,
        response: { 200: z.object({ message: OutboxMessageOut }), ...errors(404) },
      },
    },
    async (req) => {
      const message = await outbox.get(req.params.id);
      if (!message) throw new DomainError("not_found");
      return { message };
    },
  );

  r.get(
    "/api/v1/dev/outbox/:id/html",
    {
      config: PUBLIC,
      schema: { tags, summary: "The HTML part of one email, for a sandboxed frame", params: Id },
    },
    async (req, reply) => {
      const message = await outbox.get(req.params.id);
      if (!message) throw new DomainError("not_found");
      return reply
        .type("text/html; charset=utf-8")
        .header(
          "content-security-policy",
          "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'; sandbox",
        )
        .header("x-frame-options", "SAMEORIGIN")
        .send(message.html);
    },
  );
}
