import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkBoundaries, type Violation } from "../../scripts/check-boundaries.ts";

/** Writes the files in a fresh temporary folder, runs the check on it, removes it. */
function check(files: Record<string, string>): Violation[] {
  const root = mkdtempSync(join(tmpdir(), "sceau-bounds-"));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return checkBoundaries(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const isCycle = (v: Violation) => v.rule.startsWith("no import cycles");
const pairs = (found: Violation[]) => found.map((v) => `${v.file} ${v.specifier}`).sort();

describe("dependency boundaries", () => {
  it("flags every inward-rule violation", () => {
    const found = check({
      "src/core/a.ts": 'import { x } from "../adapters/db/x.ts";\nimport { readFile } from "node:fs";\n',
      "src/core/ok.types.ts": "export type T = 1;\n",
      "src/adapters/db/x.ts":
        'import { y } from "../../server/y.ts";\nimport type { T } from "../../core/ok.types.ts";\n',
      "src/web/app.tsx":
        'import { a } from "../core/a.ts";\nimport type { T } from "../core/ok.types.ts";\nimport { T2 } from "../core/ok.types.ts";\n',
      "src/config/config.ts": 'import { z } from "zod";\nimport { a } from "../core/a.ts";\n',
      "src/server/y.ts": 'import { App } from "../web/app.tsx";\nimport { a } from "../core/a.ts";\n',
    });
    const [cycles, others] = [isCycle, (v: Violation) => !isCycle(v)].map((f) => found.filter(f));
    // The violations above go round (core → adapters → server → web → core); the shorter loop
    // through server → core is the same group of files, found once it is broken.
    expect(cycles?.map((v) => v.rule)).toEqual([
      "no import cycles (type imports included): src/adapters/db/x.ts → src/server/y.ts → src/web/app.tsx → src/core/a.ts → src/adapters/db/x.ts",
    ]);
    expect(pairs(others ?? [])).toEqual(
      [
        "src/core/a.ts ../adapters/db/x.ts",
        "src/core/a.ts node:fs",
        "src/adapters/db/x.ts ../../server/y.ts",
        "src/web/app.tsx ../core/a.ts",
        "src/web/app.tsx ../core/ok.types.ts",
        "src/config/config.ts ../core/a.ts",
        "src/server/y.ts ../web/app.tsx",
      ].sort(),
    );
  });

  it("reports an import cycle once, with its path", () => {
    const found = check({
      "src/core/a.ts": 'import { b } from "./b.ts";\nexport const a = 1;\n',
      "src/core/b.ts": 'import { c } from "./c.ts";\nexport const b = 1;\n',
      "src/core/c.ts": 'import { a } from "./a.ts";\nexport const c = 1;\n',
      "src/core/d.ts": 'import { a } from "./a.ts";\n',
    });
    expect(found).toEqual([
      {
        file: "src/core/a.ts",
        specifier: "./b.ts",
        rule: "no import cycles (type imports included): src/core/a.ts → src/core/b.ts → src/core/c.ts → src/core/a.ts",
      },
    ]);
  });

  it("counts type-only imports, extensionless specifiers and index files in cycles", () => {
    const found = check({
      "src/core/ports.ts": 'import type { ShareStore } from "./sharing";\nexport interface Clock {}\n',
      "src/core/sharing/index.ts": 'export type { ShareStore } from "./share-store";\n',
      "src/core/sharing/share-store.ts":
        'import type { Clock } from "../ports.ts";\nexport interface ShareStore { clock: Clock }\n',
      "src/web/a.tsx": 'import { b } from "./b.js";\n',
      "src/web/b.tsx": 'const A = lazy(() => import("./a.tsx"));\n',
    });
    expect(found.map((v) => v.rule).sort()).toEqual([
      "no import cycles (type imports included): src/core/ports.ts → src/core/sharing/index.ts → src/core/sharing/share-store.ts → src/core/ports.ts",
      "no import cycles (type imports included): src/web/a.tsx → src/web/b.tsx → src/web/a.tsx",
    ]);
  });

  it("keeps server and cli apart, and adapters behind the composition root", () => {
    const found = check({
      "src/composition/deps.ts":
        'import { db } from "../adapters/db/db.ts";\nimport type { Config } from "../config/config.ts";\nimport { rule } from "../core/rule.ts";\n',
      "src/composition/bad.ts":
        'import { app } from "../server/app.ts";\nimport { run } from "../cli/main.ts";\n',
      "src/adapters/db/db.ts": "export const db = 1;\n",
      "src/config/config.ts": "export type Config = {};\n",
      "src/core/rule.ts": "export const rule = 1;\n",
      "src/server/app.ts":
        'import { buildRuntime } from "../composition/deps.ts";\nimport { run } from "../cli/main.ts";\n',
      "src/server/routes/x.ts":
        'import type { Db } from "../../adapters/db/db.ts";\nimport { rule } from "../../core/rule.ts";\n',
      "src/cli/main.ts":
        'import { buildRuntime } from "../composition/deps.ts";\nimport { db } from "../adapters/db/db.ts";\nimport { app } from "../server/app.ts";\n',
    });
    expect(found.filter(isCycle).map((v) => v.rule)).toEqual([
      "no import cycles (type imports included): src/cli/main.ts → src/server/app.ts → src/cli/main.ts",
    ]);
    expect(pairs(found.filter((v) => !isCycle(v)))).toEqual(
      [
        "src/composition/bad.ts ../server/app.ts",
        "src/composition/bad.ts ../cli/main.ts",
        "src/server/app.ts ../cli/main.ts",
        "src/server/routes/x.ts ../../adapters/db/db.ts",
        "src/cli/main.ts ../server/app.ts",
      ].sort(),
    );
  });

  it("lets core import only the packages on its allow-list", () => {
    const found = check({
      "src/core/verify.ts":
        'import * as pkijs from "pkijs";\nimport { fromBER } from "asn1js";\nimport { z } from "zod";\nimport type { X509Certificate } from "@peculiar/x509";\nimport { createHash } from "crypto";\nimport { inflate } from "pkijs-extra";\n',
      "src/adapters/any.ts": 'import { z } from "zod";\nimport { readFile } from "node:fs";\n',
      "src/odd.ts": "export const x = 1;\n",
    });
    expect(pairs(found)).toEqual(
      [
        "src/core/verify.ts zod",
        "src/core/verify.ts @peculiar/x509",
        "src/core/verify.ts crypto",
        "src/core/verify.ts pkijs-extra",
        "src/odd.ts ",
      ].sort(),
    );
    expect(found.find((v) => v.specifier === "zod")?.rule).toBe(
      "core imports only the packages pkijs, asn1js",
    );
  });

  it("passes on this repository", () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
    expect(checkBoundaries(root)).toEqual([]);
  });
});
