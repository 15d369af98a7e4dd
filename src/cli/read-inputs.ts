import { readFile } from "node:fs/promises";
import { EXIT_USAGE } from "./open-runtime.ts";

/** Reads every file first: a path that cannot be read is a usage error (exit 2) before any work starts. */
export async function readInputs(paths: string[]): Promise<{ path: string; bytes: Uint8Array }[]> {
  const out: { path: string; bytes: Uint8Array }[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    try {
      out.push({ path, bytes: new Uint8Array(await readFile(path)) });
    } catch (e) {
      problems.push(
        `${path}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`,
      );
    }
  }
  if (problems.length > 0) {
    process.stderr.write(`cannot read / lecture impossible:\n${problems.map((p) => `  ${p}`).join("\n")}\n`);
    process.exit(EXIT_USAGE);
  }
  return out;
}

export function usageError(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(EXIT_USAGE);
}
