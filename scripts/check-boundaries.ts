// Keeps dependencies pointing inward (docs/architecture.md). Run by `npm run check`; exits 1 on any violation.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const CORE_FORBIDDEN_PACKAGES =
  /^(node:|fastify|@fastify\/|pg$|drizzle-orm|@electric-sql\/|react|nodemailer|pino|@node-rs\/)/;

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** The layer of a path under src/: core, adapters, server, cli, web or config. */
const layerOf = (srcRelative: string) => srcRelative.split(sep)[0] ?? "";

export function checkBoundaries(root: string): Violation[] {
  const src = join(root, "src");
  const violations: Violation[] = [];
  for (const file of listFiles(src)) {
    const rel = relative(src, file);
    const layer = layerOf(rel);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(IMPORT)) {
      const typeOnly = Boolean(m[1]);
      const spec = m[2] ?? m[3] ?? "";
      const add = (rule: string) => violations.push({ file: relative(root, file), specifier: spec, rule });
      if (!spec.startsWith(".")) {
        if (layer === "core" && CORE_FORBIDDEN_PACKAGES.test(spec))
          add("core imports no Node, server, database, UI or mail package");
        continue;
      }
      const target = relative(src, resolve(dirname(file), spec));
      if (target.startsWith("..")) {
        add("src/ imports nothing outside src/");
        continue;
      }
      const to = layerOf(target);
      if (to === layer) continue;
      if (layer === "core") add("core imports nothing of ours outside core");
      else if (layer === "config") add("config imports nothing of ours");
      else if (layer === "adapters" && to !== "core") add("adapters import only core");
      else if (layer === "web" && !(to === "core" && target.endsWith(".types.ts") && typeOnly))
        add("web imports only core *.types.ts, with `import type`");
      else if ((layer === "server" || layer === "cli") && to === "web")
        add("server and cli do not import web");
    }
  }
  return violations;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const found = checkBoundaries(root);
  for (const v of found) process.stderr.write(`${v.file}: imports "${v.specifier}": ${v.rule}\n`);
  if (found.length > 0) process.exit(1);
  process.stdout.write("boundaries: ok\n");
}
