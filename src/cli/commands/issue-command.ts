import { basename } from "node:path";
import type { Command } from "commander";
import { BY_CLI } from "../../core/audit/record-audit.ts";
import { ERROR_MESSAGES } from "../../core/error-messages.ts";
import { isDomainError } from "../../core/errors.ts";
import { createBatch } from "../../core/issuance/create-batch.ts";
import type { BatchRecord } from "../../core/issuance/issuance.ports.ts";
import { QUEUES } from "../../core/jobs/queues.ts";
import type { CoreDeps } from "../../core/ports.ts";
import { openRuntime } from "../open-runtime.ts";
import { progressBar } from "../progress-bar.ts";
import { readInputs, usageError } from "../read-inputs.ts";

const SHOWN_ISSUES = 50;

/**
 * `sceau issue`: validates a manifest and its ZIP, creates the batch and runs it in this process
 * (a server's worker may share the work), with a progress bar. Run it again after a crash: rows
 * issued before are left out, and an unfinished batch of the institution is resumed and watched.
 */
export function issueCommand(program: Command) {
  program
    .command("issue")
    .description(
      "issue documents in bulk: a CSV manifest and a ZIP of the PDFs, validated before anything is signed",
    )
    .requiredOption("--institution <slug>", "the issuing institution")
    .requiredOption(
      "--manifest <file>",
      "CSV: external_id, student_number, document_type, title, issue_date, file",
    )
    .requiredOption("--files <file>", "ZIP archive of the PDFs named in the manifest's file column")
    .option("--dry-run", "only check the batch; write nothing")
    .action(async (opts: { institution: string; manifest: string; files: string; dryRun?: boolean }) => {
      const [manifest, zip] = await readInputs([opts.manifest, opts.files]);
      const { config, runtime } = await openRuntime();
      const core = runtime.deps.core;
      const fr = config.cliLocale === "fr";
      let exitCode = 0;
      try {
        const institution = await core.stores.institutions.findBySlug(opts.institution);
        if (!institution) usageError(`unknown institution: ${opts.institution}`);
        let result: Awaited<ReturnType<typeof createBatch>>;
        try {
          result = await createBatch(core, BY_CLI, institution, {
            manifest: manifest?.bytes as Uint8Array,
            manifestName: basename(opts.manifest),
            zip: zip?.bytes as Uint8Array,
            source: "cli",
            dryRun: opts.dryRun,
          });
        } catch (e) {
          if (!isDomainError(e)) throw e;
          const message = ERROR_MESSAGES[e.code];
          process.stderr.write(`${fr ? message.fr : message.en}\n`);
          for (const issue of (e.issues ?? []).slice(0, SHOWN_ISSUES))
            process.stderr.write(`  ${issue.path}: ${fr ? issue.message.fr : issue.message.en}\n`);
          const more = (e.issues?.length ?? 0) - SHOWN_ISSUES;
          if (more > 0) process.stderr.write(fr ? `  … et ${more} autres\n` : `  … and ${more} more\n`);
          exitCode = 1;
          return;
        }
        const { validation, batch } = result;
        const rows = validation.rows - validation.alreadyIssued;
        process.stdout.write(
          fr
            ? `${validation.rows} lignes valides; ${validation.alreadyIssued} déjà délivrées ou en cours.\n`
            : `${validation.rows} valid rows; ${validation.alreadyIssued} already issued or in progress.\n`,
        );
        if (opts.dryRun) return;
        const watched = batch
          ? [batch.id]
          : (await core.stores.batches.list(institution.id, 50))
              .filter((b) => b.status !== "done")
              .map((b) => b.id);
        if (rows === 0 && watched.length === 0) return;
        // Only the batch queue here: the learners' emails are sent by the server's worker (or `sceau worker`).
        runtime.startWorker([QUEUES.runBatch]);
        for (const id of watched) exitCode = Math.max(exitCode, await watch(core, institution.id, id, fr));
      } finally {
        await runtime.close();
      }
      process.exit(exitCode);
    });
}

/** Draws the batch's progress until it is done; 0 when no row failed, else 1. */
async function watch(core: CoreDeps, institutionId: string, id: string, fr: boolean): Promise<number> {
  let batch = (await core.stores.batches.findById(institutionId, id)) as BatchRecord;
  process.stdout.write(
    fr ? `Lot ${id} : ${batch.total} documents\n` : `Batch ${id}: ${batch.total} documents\n`,
  );
  const bar = progressBar(batch.total, fr ? "délivrance" : "issuing");
  let counts = { pending: batch.total, issued: 0, skipped: 0, failed: 0 };
  for (;;) {
    counts = (await core.stores.batches.counts([id])).get(id) ?? counts;
    bar.set(counts.issued + counts.skipped + counts.failed);
    batch = (await core.stores.batches.findById(institutionId, id)) as BatchRecord;
    if (batch.status === "done") break;
    await new Promise((r) => setTimeout(r, 250));
  }
  bar.end();
  process.stdout.write(
    fr
      ? `Terminé : ${counts.issued} délivrés, ${counts.skipped} déjà délivrés, ${counts.failed} en échec.\n`
      : `Done: ${counts.issued} issued, ${counts.skipped} already issued, ${counts.failed} failed.\n`,
  );
  process.stdout.write(
    fr
      ? "Les invitations aux personnes étudiantes sont en file : le serveur (ou « sceau worker ») les envoie.\n"
      : "Learner invitations are queued: the server (or `sceau worker`) sends them.\n",
  );
  return counts.failed > 0 ? 1 : 0;
}
