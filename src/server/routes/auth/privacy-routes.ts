import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { closeAccount } from "../../../core/privacy/close-account.ts";
import { exportAccountData } from "../../../core/privacy/export-account-data.ts";
import { clearSessionCookie, requireActor } from "../../http/auth.ts";
import { Password } from "../../http/inputs.ts";
import { errors } from "../../presenters/schemas.ts";
import { authRateLimit, type RouteContext, typed } from "../route-context.ts";

export async function privacyRoutes(app: FastifyInstance, { config, deps }: RouteContext) {
  const r = typed(app);
  const tags = ["auth"];

  r.get(
    "/api/v1/auth/me/export",
    {
      schema: {
        tags,
        summary: "Download my data: a ZIP of sceau-data.json and the signed PDF of each of my documents",
        response: { 200: z.any(), ...errors(401, 413) },
      },
    },
    async (req, reply) => {
      const { fileName, zip } = await exportAccountData(deps.core, requireActor(req));
      return reply
        .type("application/zip")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .header("cache-control", "no-store")
        .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
    },
  );

  r.post(
    "/api/v1/auth/me/close",
    {
      config: authRateLimit(config),
      schema: {
        tags,
        summary: "Close my account (the password first); documents stay with their institutions",
        body: z.strictObject({ password: Password.optional() }),
        response: { 204: z.null(), ...errors(400, 401, 403, 409, 429) },
      },
    },
    async (req, reply) => {
      await closeAccount(deps.core, requireActor(req), req.body);
      clearSessionCookie(reply, config.secure);
      return reply.code(204).send(null);
    },
  );
}
