import { mkdir, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { Command } from "commander";
import { ERROR_MESSAGES } from "../../core/error-messages.ts";
import { isDomainError } from "../../core/errors.ts";
import { signDocument } from "../../core/signing/sign-document.ts";
import { SIGNATURE_LEVELS, type SignatureLevel } from "../../core/signing/signing.types.ts";
import { openRuntime } from "../open-runtime.ts";
import { progressBar } from "../progress-bar.ts";
import { readInputs, usageError } from "../read-inputs.ts";

export function signCommand(program: Command) {
  program
    .command("sign")
    .description("sign PDFs with an institution's signing identity (PAdES), recording each in the registry")
    .argument("<files...>", "PDF files to sign")
    .option("-o, --out <file>", "output file (one input only)")
    .option("--out-dir <dir>", "output folder; outputs keep the input file names")
    .option("--institution <slug>", "the signing institution (default: the only one, or demo)")
    .option("--title <title>", "document title recorded in the registry (default: the file name)")
    .option(
      "--level <level>",
      "PAdES level: b-b, b-t, b-lt or b-lta (default: the institution's setting; B-LTA when it has a timestamp authority, else B-B)",
    )
    .action(
      async (
        files: string[],
        opts: { out?: string; outDir?: string; institution?: string; title?: string; level?: string },
      ) => {
        const level = opts.level === undefined ? undefined : parseLevel(opts.level);
        if (Boolean(opts.out) === Boolean(opts.outDir))
          usageError("give exactly one of -o <file> or --out-dir <dir>");
        if (opts.out && files.length > 1) usageError("-o takes one input; use --out-dir for several");
        const inputs = await readInputs(files);
        const { config, runtime } = await openRuntime();
        const core = runtime.deps.core;
        let failed = 0;
        try {
          const all = await core.stores.institutions.listAll();
          const slug = opts.institution ?? (all.length === 1 ? all[0]?.slug : "demo");
          const institution = slug ? await core.stores.institutions.findBySlug(slug) : null;
          if (!institution)
            usageError(`unknown institution: ${slug ?? "(none)"} — try "sceau demo seed" or --institution`);
          if (opts.outDir) await mkdir(opts.outDir, { recursive: true });
          const bar = progressBar(inputs.length, "signing");
          for (const input of inputs) {
            const out = opts.out ?? join(opts.outDir ?? ".", basename(input.path));
            try {
              const { document, bytes } = await signDocument(core, {
                institution,
                pdf: input.bytes,
                title: opts.title ?? basename(input.path, extname(input.path)),
                ...(level ? { level } : {}),
              });
              await writeFile(out, bytes);
              process.stdout.write(`${input.path} → ${out}  ${config.publicUrl}/v/${document.id}\n`);
            } catch (e) {
              if (!isDomainError(e)) throw e;
              failed++;
              process.stderr.write(
                `${input.path}: ${ERROR_MESSAGES[e.code].en} / ${ERROR_MESSAGES[e.code].fr}\n`,
              );
            }
            bar.tick();
          }
          bar.end();
        } finally {
          await runtime.close();
        }
        if (failed > 0) process.exitCode = 1;
      },
    );
}

/** `b-lta` (any case) → "B-LTA"; anything else is a usage error. */
function parseLevel(text: string): SignatureLevel {
  const level = SIGNATURE_LEVELS.find((l) => l === text.toUpperCase());
  if (!level) usageError(`unknown level: ${text} — use b-b, b-t, b-lt or b-lta`);
  return level;
}
