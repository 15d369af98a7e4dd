import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkBoundaries } from "../../scripts/check-boundaries.ts";

function tree(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), "sceau-bounds-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("dependency boundaries", () => {
  it("flags every inward-rule violation", () => {
    const root = tree({
      "src/core/a.ts": 'import { x } from "../adapters/db/x.ts";\nimport { readFile } from "node:fs";\n',
      "src/core/ok.types.ts": "export type T = 1;\n",
      "src/adapters/db/x.ts":
        'import { y } from "../../server/y.ts";\nimport type { T } from "../../core/ok.types.ts";\n',
      "src/web/app.tsx":
        'import { a } from "../core/a.ts";\nimport type { T } from "../core/ok.types.ts";\nimport { T2 } from "../core/ok.types.ts";\n',
      "src/config/config.ts": 'import { z } from "zod";\nimport { a } from "../core/a.ts";\n',
      "src/server/y.ts": 'import { App } from "../web/app.tsx";\nimport { a } from "../core/a.ts";\n',
    });
    try {
      const found = checkBoundaries(root).map((v) => `${v.file} ${v.specifier}`);
      expect(found.sort()).toEqual(
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
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("passes on this repository", () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
    expect(checkBoundaries(root)).toEqual([]);
  });
});
