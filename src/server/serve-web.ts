import { readFile } from "node:fs/promises";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { sendError } from "./http/send-error.ts";

/**
 * Serves the built single-page app: hashed assets cached for a year, index.html for every other page.
 * A share's page (/s/<token>) gets the head `sharePageHead` renders for it (a public share's social
 * tags), in place of the default title and description.
 */
export async function serveWeb(
  app: FastifyInstance,
  root: string,
  isApiPath: (path: string) => boolean,
  sharePageHead?: (token: string) => Promise<string | null>,
) {
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
  let indexHtml: string | null = null;
  app.get<{ Params: { token: string } }>("/s/:token", async (req, reply) => {
    const head = sharePageHead ? await sharePageHead(req.params.token) : null;
    if (!head) return reply.header("cache-control", "no-cache").sendFile("index.html");
    indexHtml ??= await readFile(join(root, "index.html"), "utf8");
    const html = indexHtml
      .replace(/<title>[^<]*<\/title>/, "")
      .replace(/<meta name="description"[^>]*>/, "")
      .replace("</head>", `  ${head}\n  </head>`);
    return reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").send(html);
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split("?", 1)[0] ?? "";
    if (isApiPath(path) || (req.method !== "GET" && req.method !== "HEAD"))
      return sendError(reply, "not_found");
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
}
