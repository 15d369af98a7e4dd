import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { PUBLIC } from "../../http/auth.ts";
import { ServerMetaOut } from "../../presenters/system-schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

export async function systemRoutes(app: FastifyInstance, { config, deps }: RouteContext) {
  const r = typed(app);

  r.get(
    "/healthz",
    {
      logLevel: "warn",
      schema: {
        tags: ["system"],
        summary: "200 once the database answers",
        response: {
          200: z.object({ status: z.literal("ok") }),
          503: z.object({ status: z.literal("unavailable") }),
        },
      },
    },
    async (req, reply) => {
      try {
        await deps.ping();
        return { status: "ok" as const };
      } catch (err) {
        req.log.warn({ err }, "health check: database unavailable");
        return reply.code(503).send({ status: "unavailable" as const });
      }
    },
  );

  r.get(
    "/api/v1/meta",
    {
      config: PUBLIC,
      schema: {
        tags: ["system"],
        summary: "What the web app needs to know about this server",
        response: { 200: ServerMetaOut },
      },
    },
    async () => ({ environment: config.env, devOutbox: deps.outbox !== null, version: deps.version }),
  );
}
