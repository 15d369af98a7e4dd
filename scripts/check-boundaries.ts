// Keeps dependencies pointing inward (docs/architecture.md). Run by `npm run check`; exits 1 on any violation.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/**
 * The only npm packages core may import (an allow-list: anything else, `node:*` included, goes
 * behind a port). pkijs and asn1js parse the certificates, CMS signatures and timestamps the
 * verifier checks, which must stay pure and run anywhere.
 */
export const CORE_PACKAGES: readonly string[] = ["pkijs", "asn1js"];

/** The folders directly under src/, each a layer. */
export const LAYERS = ["core", "config", "adapters", "composition", "server", "cli", "web"] as const;
type Layer = (typeof LAYERS)[number];

/** What each layer may import of ours besides itself (web and core have extra conditions below). */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  core: [],
  config: [],
  adapters: ["core"],
  composition: ["core", "adapters", "config"],
  server: ["core", "config", "composition"],
  cli: ["core", "adapters", "config", "composition"],
  web: ["core"],
};

const RULE: Record<Layer, string> = {
  core: "core imports nothing of ours outside core",
  config: "config imports nothing of ours",
  adapters: "adapters import only core",
  composition: "composition imports only core, adapters and config",
  server: "server imports only core, config and composition (never adapters, cli or web)",
  cli: "cli imports only core, adapters, config and composition (never server or web)",
  web: "web imports only core *.types.ts, with `import type`",
};

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** The layer of a path under src/: its first folder. */
const layerOf = (srcRelative: string) => srcRelative.split(sep)[0] ?? "";
const isLayer = (name: string): name is Layer => (LAYERS as readonly string[]).includes(name);

/** `pkijs` of "pkijs/build/x", `@scope/name` of "@scope/name/sub". */
const packageName = (spec: string) =>
  spec
    .split("/")
    .slice(0, spec.startsWith("@") ? 2 : 1)
    .join("/");

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

/**
 * The source file a relative specifier names, as TypeScript's bundler resolution finds it: the
 * exact path, `.js` standing for `.ts`/`.tsx`, the path plus `.ts`/`.tsx`, or the folder's index.
 * Null for anything else (JSON, CSS, a missing file): not part of the import graph.
 */
export function resolveSource(fromFile: string, spec: string): string | null {
  const base = resolve(dirname(fromFile), spec);
  const candidates = [
    base,
    ...(base.endsWith(".js") ? [base.replace(/\.js$/, ".ts"), base.replace(/\.js$/, ".tsx")] : []),
    `${base}.ts`,
    `${base}.tsx`,
    join(base, "index.ts"),
    join(base, "index.tsx"),
  ];
  return candidates.find((c) => /\.(ts|tsx)$/.test(c) && isFile(c)) ?? null;
}

interface Edge {
  to: string;
  specifier: string;
}

/**
 * One cycle per back edge of a depth-first walk (in file order), each reported once whichever
 * file it is entered from: every strongly connected group of files yields at least one, and
 * breaking those reveals any other.
 */
function findCycles(graph: Map<string, Edge[]>): { files: string[]; specifier: string }[] {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const seen = new Set<string>();
  const cycles: { files: string[]; specifier: string }[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const edge of graph.get(file) ?? []) {
      const s = state.get(edge.to);
      if (s === "open") {
        const loop = stack.slice(stack.indexOf(edge.to));
        // Start at the alphabetically first file so the same cycle is one key.
        const first = [...loop].sort()[0] ?? edge.to;
        const at = loop.indexOf(first);
        const files = [...loop.slice(at), ...loop.slice(0, at)];
        const key = files.join("\n");
        if (seen.has(key)) continue;
        seen.add(key);
        const next = files[1] ?? first;
        const specifier = (graph.get(first) ?? []).find((e) => e.to === next)?.specifier ?? edge.specifier;
        cycles.push({ files, specifier });
      } else if (s === undefined) visit(edge.to);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

export function checkBoundaries(root: string): Violation[] {
  const src = join(root, "src");
  const violations: Violation[] = [];
  const graph = new Map<string, Edge[]>();
  for (const file of listFiles(src)) {
    const rel = relative(src, file);
    const layer = layerOf(rel);
    const edges: Edge[] = [];
    graph.set(file, edges);
    if (!isLayer(layer)) {
      violations.push({
        file: relative(root, file),
        specifier: "",
        rule: `every file under src/ is in a layer folder: ${LAYERS.join(", ")}`,
      });
      continue;
    }
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(IMPORT)) {
      const typeOnly = Boolean(m[1]);
      const spec = m[2] ?? m[3] ?? "";
      const add = (rule: string) => violations.push({ file: relative(root, file), specifier: spec, rule });
      if (!spec.startsWith(".")) {
        if (layer === "core" && !CORE_PACKAGES.includes(packageName(spec)))
          add(`core imports only the packages ${CORE_PACKAGES.join(", ")}`);
        continue;
      }
      const resolved = resolveSource(file, spec);
      if (resolved) edges.push({ to: resolved, specifier: spec });
      const target = relative(src, resolved ?? resolve(dirname(file), spec));
      if (target.startsWith("..")) {
        add("src/ imports nothing outside src/");
        continue;
      }
      const to = layerOf(target);
      if (to === layer) continue;
      const allowed = isLayer(to) && MAY_IMPORT[layer].includes(to);
      if (layer === "web") {
        if (!(allowed && target.endsWith(".types.ts") && typeOnly)) add(RULE.web);
      } else if (!allowed) add(RULE[layer]);
    }
  }
  for (const cycle of findCycles(graph)) {
    const files = cycle.files.map((f) => relative(root, f));
    violations.push({
      file: files[0] ?? "",
      specifier: cycle.specifier,
      rule: `no import cycles (type imports included): ${[...files, files[0]].join(" → ")}`,
    });
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
