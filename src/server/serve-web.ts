import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { sendError } from "./http/send-error.ts";

/** Serves the built single-page app: hashed assets cached for a year, index.html for every other page. */
export async function serveWeb(app: FastifyInstance, root: string, isApiPath: (path: string) => boolean) {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    setHeaders(res, path) {
      res.setHeader(
        "cache-control",
        path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split("?", 1)[0] ?? "";
    if (isApiPath(path) || (req.method !== "GET" && req.method !== "HEAD"))
      return sendError(reply, "not_found");
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
}
