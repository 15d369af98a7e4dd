import type { FastifyInstance } from "fastify";
import { TSA_PATH } from "../../../core/signing/pki-paths.ts";
import { answerTimestampQuery } from "../../../core/timestamping/answer-timestamp-query.ts";
import { PUBLIC } from "../../http/auth.ts";
import type { RouteContext } from "../route-context.ts";

/** Largest TimeStampReq accepted (a real one is under 200 bytes). */
export const TSA_MAX_BYTES = 8 * 1024;

/** The built-in timestamp authority: `application/timestamp-query` in, `application/timestamp-reply` out. */
export async function timestampRoutes(app: FastifyInstance, { deps }: RouteContext) {
  app.addContentTypeParser(
    "application/timestamp-query",
    { parseAs: "buffer", bodyLimit: TSA_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );
  app.post(
    TSA_PATH,
    {
      config: PUBLIC,
      bodyLimit: TSA_MAX_BYTES,
      schema: {
        tags: ["verification"],
        summary:
          "The portal's RFC 3161 timestamp authority: a DER TimeStampReq (application/timestamp-query, at most 8 KiB) in, a DER TimeStampResp out; a bad request gets a rejection with its failInfo",
      },
    },
    async (req, reply) => {
      const body = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
      const answer = await answerTimestampQuery(deps.core, body);
      return reply
        .type("application/timestamp-reply")
        .header("cache-control", "no-store")
        .send(Buffer.from(answer));
    },
  );
}
