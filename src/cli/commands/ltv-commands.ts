import type { Command } from "commander";
import { BY_CLI } from "../../core/audit/record-audit.ts";
import { renewArchiveTimestamps } from "../../core/signing/renew-archive-timestamps.ts";
import { openRuntime } from "../open-runtime.ts";
import { usageError } from "../read-inputs.ts";

const count = (name: string, text: string | undefined, max: number): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) usageError(`${name} must be a whole number from 1 to ${max}`);
  return n;
};

export function ltvCommands(program: Command) {
  const ltv = program
    .command("ltv")
    .description("long-term validity of PAdES B-LTA documents (archive timestamps)");
  ltv
    .command("refresh")
    .description(
      "renew the archive timestamp of each stored B-LTA document whose timestamp certificate expires within the margin: fresh validation data, then a new document timestamp (what the maintenance job does)",
    )
    .option(
      "--margin-days <days>",
      "renew what expires within this many days (default: ARCHIVE_RENEW_MARGIN_DAYS, 365)",
    )
    .option("--limit <n>", "at most this many documents (default 1000)")
    .option("--dry-run", "only count the documents due")
    .option("--json", "print the report as JSON")
    .addHelpText(
      "after",
      "\nExit codes: 0 every due document renewed, 1 some failed (listed), 2 usage error.",
    )
    .action(async (opts: { marginDays?: string; limit?: string; dryRun?: boolean; json?: boolean }) => {
      const marginDays = count("--margin-days", opts.marginDays, 3650);
      const limit = count("--limit", opts.limit, 100_000) ?? 1000;
      const { runtime } = await openRuntime();
      try {
        const core = runtime.deps.core;
        const report = await renewArchiveTimestamps(core, {
          marginDays: marginDays ?? core.settings.archiveRenewMarginDays,
          limit,
          dryRun: opts.dryRun === true,
          who: BY_CLI,
        });
        if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else {
          process.stdout.write(
            `${report.due} due / à renouveler, ${report.renewed.length} renewed / renouvelés, ${report.failed.length} failed / en échec${opts.dryRun ? " (dry run / simulation)" : ""}\n`,
          );
          for (const r of report.renewed) process.stdout.write(`  ✓ ${r.id} → ${r.archiveUntil}\n`);
          for (const f of report.failed) process.stdout.write(`  ✗ ${f.id}: ${f.reason}\n`);
        }
        if (report.failed.length > 0) process.exitCode = 1;
      } finally {
        await runtime.close();
      }
    });
}
