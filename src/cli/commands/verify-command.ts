import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { pemToDer } from "../../adapters/db/pem.ts";
import { nodeInflate } from "../../adapters/pdf/node-inflate.ts";
import { nodeVerifierCrypto } from "../../adapters/pdf/node-verifier-crypto.ts";
import type { Locale } from "../../core/i18n.types.ts";
import { createVerificationCache } from "../../core/verification/signature-algorithms.ts";
import type { VerificationReport } from "../../core/verification/verification.types.ts";
import { verifyDocument } from "../../core/verification/verify-document.ts";
import { verifyPdf } from "../../core/verification/verify-pdf.ts";
import { openRuntime } from "../open-runtime.ts";
import { progressBar } from "../progress-bar.ts";
import { readInputs, usageError } from "../read-inputs.ts";

/** One line per file for people: the verdict, who signed and when, and every check that did not pass. */
export function describeReport(file: string, r: VerificationReport, locale: Locale): string {
  // The newest signature (not a document timestamp, which names no signer).
  const sig = r.signatures.filter((s) => s.kind === "signature").at(-1) ?? r.signatures.at(-1);
  const who = sig?.signer.commonName ?? "?";
  const head = r.valid
    ? `✓ ${file}: ${locale === "fr" ? "valide" : "valid"} — ${who}${sig?.signedAt ? `, ${sig.signedAt}` : ""}`
    : `✗ ${file}: ${locale === "fr" ? "non valide" : "not valid"}`;
  const issues = [...r.checks, ...r.signatures.flatMap((s) => s.checks)]
    .filter((c) => c.status === "failed" || c.status === "warning")
    .flatMap((c) => [
      `    ${c.status === "failed" ? "✗" : "!"} ${c.id}${c.code ? ` (${c.code})` : ""}: ${c.message[locale]}`,
      ...(c.reasons ?? []).map((x) => `        – ${x.message[locale]}`),
    ]);
  const lt = r.longTerm;
  const level = lt?.level
    ? [
        `    ${locale === "fr" ? "niveau" : "level"} PAdES ${lt.level}${
          lt.protectedUntil
            ? `, ${locale === "fr" ? "protégé jusqu'au" : "protected until"} ${lt.protectedUntil}`
            : ""
        }`,
      ]
    : [];
  return [head, ...level, ...issues].join("\n");
}

export function verifyCommand(program: Command, locale: Locale) {
  program
    .command("verify")
    .description(
      "verify signed PDFs; exit 0 if all are valid, 1 if any is not, 2 on a usage error or an unreadable path",
    )
    .argument("<files...>", "PDF files to verify")
    .option("--json", "print the report (one file) or a JSON array of reports, each with its file")
    .option("--trust <roots.pem>", "verify offline against these root certificates only (no registry)")
    .action(async (files: string[], opts: { json?: boolean; trust?: string }) => {
      let anchors: Uint8Array[] | null = null;
      if (opts.trust) {
        let pem: string;
        try {
          pem = await readFile(opts.trust, "utf8");
        } catch {
          usageError(`cannot read ${opts.trust}`);
        }
        anchors = pemToDer(pem);
        if (anchors.length === 0) usageError(`${opts.trust}: no PEM certificate found`);
      }
      const inputs = await readInputs(files);
      const reports: (VerificationReport & { file: string })[] = [];
      const bar = progressBar(inputs.length, "verifying");
      if (anchors) {
        const ctx = {
          trustAnchorsDer: anchors,
          crypto: nodeVerifierCrypto(),
          inflate: nodeInflate,
          cache: createVerificationCache(),
        };
        for (const input of inputs) {
          reports.push({ file: input.path, ...(await verifyPdf(input.bytes, { ...ctx, now: new Date() })) });
          bar.tick();
        }
      } else {
        const { runtime } = await openRuntime();
        try {
          for (const input of inputs) {
            reports.push({ file: input.path, ...(await verifyDocument(runtime.deps.core, input.bytes)) });
            bar.tick();
          }
        } finally {
          await runtime.close();
        }
      }
      bar.end();
      if (opts.json)
        process.stdout.write(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
      else for (const r of reports) process.stdout.write(`${describeReport(r.file, r, locale)}\n`);
      process.exitCode = reports.every((r) => r.valid) ? 0 : 1;
    });
}
