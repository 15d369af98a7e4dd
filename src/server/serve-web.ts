import { readFile } from "node:fs/promises";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { sendError } from "./http/send-error.ts";

/**
 * Whether a path names a file rather than a page: under /assets/, a last segment with an extension
 * (/wp-login.php, /favicon.ico.bak) or any dot segment (/.env, /.git/config). No page of the app has
 * a dot in its path (slugs, ids and tokens have none: src/web/routes/router.tsx), so such a path
 * that is not a real file answers 404 instead of the app's HTML: a missing asset fails loudly, and a
 * scanner's probe does not get a 200.
 */
function isFilePath(rawPath: string): boolean {
  let path = rawPath;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    // Not valid percent-encoding: judged as sent.
  }
  const segments = path.split("/");
  const last = segments.at(-1) ?? "";
  return (
    path === "/assets" ||
    path.startsWith("/assets/") ||
    /\.[^.]+$/.test(last) ||
    segments.some((s) => s.startsWith("."))
  );
}

/**
 * Serves the built single-page app: hashed assets cached for a year, index.html for every other page
 * (a path that names a file and is not one answers the bilingual 404: isFilePath).
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
    // Off, or send's own "public, max-age=0" overrides the header set here.
    cacheControl: false,
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
    if (isApiPath(path) || isFilePath(path) || (req.method !== "GET" && req.method !== "HEAD"))
      return sendError(reply, "not_found");
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
}
