import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { BACKENDS } from "../support/test-database.ts";

const INDEX =
  '<!doctype html><html><head><title>Sceau</title><meta name="description" content="d"></head><body><div id="root"></div><script type="module" src="/assets/index-Ab12Cd.js"></script></body></html>';

/** Every page path the React router declares, its parameters filled in (a slug, a uuid, a token). */
async function routerPaths(): Promise<string[]> {
  const source = await readFile(new URL("../../src/web/routes/router.tsx", import.meta.url), "utf8");
  const paths = [...source.matchAll(/\bpath: "([^"]+)"/g)].map((m) => m[1] as string);
  expect(paths.length).toBeGreaterThan(30);
  return paths.map(
    (p) =>
      `/${p
        .replace("*", "no-such-page")
        .replace(":slug", "demo")
        .replace(":token", "Zm9vYmFyLWJhei1xdXV4LXNoYXJlLXRva2VuLTQzY2g")
        .replace(/:[a-zA-Z]+/g, () => randomUUID())}`,
  );
}

/** The built web app's layout (index.html, hashed assets, a public file), served by the real server. */
describe.each(BACKENDS)("serving the web app on %s", (backend) => {
  let t: TestApp;
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "sceau-web-"));
    await mkdir(join(root, "assets"));
    await writeFile(join(root, "index.html"), INDEX);
    await writeFile(join(root, "assets", "index-Ab12Cd.js"), "console.log('app');");
    await writeFile(join(root, "favicon.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await startTestApp(backend, { webRoot: root });
  });
  afterAll(async () => {
    await t?.close();
    await rm(root, { recursive: true, force: true });
  });

  const get = (url: string, method: "GET" | "HEAD" = "GET") => t.app.inject({ method, url });

  it("answers index.html for every page of the router, the home page, a share and a document record", async () => {
    const pages = [
      "/",
      "/wallet/",
      `/v/${randomUUID()}`,
      "/s/Zm9vYmFyLWJhei1xdXV4LXNoYXJlLXRva2VuLTQzY2g",
      "/verify?id=x.pdf",
      ...(await routerPaths()),
    ];
    for (const url of pages) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"], url).toMatch(/^text\/html/);
      expect(res.body, url).toContain('<div id="root">');
      expect((await get(url, "HEAD")).statusCode, `HEAD ${url}`).toBe(200);
    }
  });

  it("serves real files: hashed assets cached for a year, others revalidated", async () => {
    const asset = await get("/assets/index-Ab12Cd.js");
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe("console.log('app');");
    expect(asset.headers["cache-control"]).toContain("immutable");
    const icon = await get("/favicon.svg");
    expect(icon.statusCode).toBe(200);
    expect(icon.headers["cache-control"]).toBe("no-cache");
  });

  it("answers the bilingual 404, never the app's HTML, for a file that is not there", async () => {
    for (const url of [
      "/.env",
      "/%2Eenv",
      "/.git/config",
      "/.well-known/security.txt",
      "/assets/missing.js",
      "/assets/",
      "/assets/index-Ab12Cd.js.map",
      "/favicon.ico.bak",
      "/favicon.ico",
      "/wp-login.php",
      "/index.html.orig",
      "/institutions/demo/logo.png",
      "/wallet/backup.zip?x=1",
    ]) {
      for (const method of ["GET", "HEAD"] as const) {
        const res = await get(url, method);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.body, url).not.toContain('<div id="root">');
        if (method === "GET") {
          const { error } = res.json();
          expect(error.code, url).toBe("not_found");
          expect(error.message.fr).not.toBe(error.message.en);
        }
      }
    }
  });

  it("keeps the JSON 404 for unknown API paths and for writes to a page", async () => {
    for (const [method, url] of [
      ["GET", "/api/v1/no-such-route"],
      ["GET", "/pki/nothing"],
      ["POST", "/wallet"],
    ] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe("not_found");
    }
  });
});
