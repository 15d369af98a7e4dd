import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_ROOT } from "../../src/composition/deps.ts";
import { startE2eServer } from "../support/e2e-server.ts";

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(`/${relative(WEB_ROOT, p).split("\\").join("/")}`);
  }
  return out;
}

/** The real server on loopback with the built web app (test/e2e/global-setup.ts builds it). */
describe("the built web app's files and pages", () => {
  let server: Awaited<ReturnType<typeof startE2eServer>>;
  let files: string[];
  beforeAll(async () => {
    server = await startE2eServer("pglite");
    files = (await filesUnder(WEB_ROOT)).filter((f) => f !== "/index.html");
  });
  afterAll(async () => {
    await server?.close();
  });

  it("serves every built file, the assets index.html names cached for a year", async () => {
    const index = await readFile(join(WEB_ROOT, "index.html"), "utf8");
    const referenced = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
    expect(referenced.length).toBeGreaterThan(0);
    expect(files).toEqual(expect.arrayContaining(referenced));
    for (const file of files) {
      const res = await fetch(`${server.url}${file}`);
      expect(res.status, file).toBe(200);
      await res.arrayBuffer();
      if (file.startsWith("/assets/")) expect(res.headers.get("cache-control"), file).toContain("immutable");
    }
  });

  it("answers 404 for files that are not there, and the app for its pages", async () => {
    const asset = files.find((f) => f.startsWith("/assets/") && f.endsWith(".js")) as string;
    for (const path of [
      "/.env",
      "/assets/missing.js",
      `${asset}.map.bak`,
      "/favicon.ico.bak",
      "/wp-login.php",
    ]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      const body = await res.json();
      expect(body.error.code, path).toBe("not_found");
    }
    for (const path of [
      "/",
      "/wallet",
      "/verify",
      "/v/00000000-0000-4000-8000-000000000000",
      "/s/abc",
      "/nope",
    ]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain('<div id="root">');
    }
  });
});
