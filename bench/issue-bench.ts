/**
 * Bulk issuing, end to end, on PostgreSQL: a batch of N one-page documents (default 10,000)
 * for N learners — manifest and ZIP validation, staging of the sources, signing with the
 * verification notice, encrypted storage, database rows, audit events and the learners'
 * invitations queued. The raw signing rate of the same PDFs (signPdf alone, no storage or
 * database) is measured in the same run as the baseline. Prints one JSON object.
 * Run: `npm run bench:issue` (`BENCH_DOCS=2000 npm run bench:issue` for a shorter run).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { buildRuntime } from "../src/composition/deps.ts";
import { createLogger } from "../src/composition/logger.ts";
import { loadConfig } from "../src/config/config.ts";
import { BY_CLI } from "../src/core/audit/record-audit.ts";
import { seedDemo } from "../src/core/demo/seed-demo.ts";
import { createBatch } from "../src/core/issuance/create-batch.ts";
import { learnerSearchText } from "../src/core/learners/learner-rules.ts";
import type { LearnerInput } from "../src/core/learners/learners.types.ts";
import { signingIdentityFor, signPdf } from "../src/core/signing/sign-document.ts";
import { makeDocumentType } from "../test/support/document-factories.ts";
import { makeZip } from "../test/support/make-zip.ts";
import { createTestDatabase } from "../test/support/test-database.ts";

const N = Number(process.env.BENCH_DOCS ?? 10_000);

/** A one-page PDF (classic xref) with the learner's name: distinct bytes for each document. */
function onePagePdf(name: string): Uint8Array {
  const content = `BT /F1 24 Tf 72 700 Td (Diplome - ${name}) Tj ET\nBT /F1 12 Tf 72 660 Td (Cegep de demonstration, 2026) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.7\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const db = await createTestDatabase("postgres");
await db.database.close();
const dataDir = mkdtempSync(join(tmpdir(), "sceau-bench-issue-"));
const config = loadConfig({
  NODE_ENV: "test",
  DATA_DIR: dataDir,
  DATABASE_URL: db.target.kind === "postgres" ? db.target.url : "",
  JOB_POLL_MS: "20",
});
const runtime = await buildRuntime(config, createLogger(config), { webRoot: null });
const core = runtime.deps.core;
await seedDemo(core);
const demo = await core.stores.institutions.findBySlug("demo");
if (!demo) throw new Error("no demo institution");
const type = await makeDocumentType(core, demo);

// Fixtures (not measured): N learners, the manifest and the ZIP.
const learners: (LearnerInput & { searchText: string })[] = [];
for (let i = 0; i < N; i++) {
  const l: LearnerInput = {
    studentNumber: `B${String(i).padStart(7, "0")}`,
    givenName: `Prénom${i}`,
    familyName: `Nom${i}`,
    dateOfBirth: null,
    institutionalEmail: `b${i}@demo.example.test`,
    personalEmail: null,
    locale: i % 3 === 0 ? "en" : "fr",
  };
  learners.push({ ...l, searchText: learnerSearchText(l) });
}
await core.transact((stores) => stores.learners.upsertMany(demo.id, learners));
const rows = ["external_id,student_number,document_type,title,issue_date,file"];
const pdfs: Uint8Array[] = [];
for (let i = 0; i < N; i++) {
  rows.push(
    `BENCH-${i},${learners[i]?.studentNumber},${type.code},Diplôme d'études collégiales,2026-06-15,d${i}.pdf`,
  );
  pdfs.push(onePagePdf(`${learners[i]?.givenName} ${learners[i]?.familyName}`));
}
const manifest = new TextEncoder().encode(rows.join("\n"));
const zip = makeZip(pdfs.map((data, i) => ({ name: `d${i}.pdf`, data })));

// Baseline: signing alone (notice + signature), same PDFs, same process.
const identity = await signingIdentityFor(core, demo, BY_CLI);
const baselineCount = Math.min(N, 2000);
for (let i = 0; i < 50; i++)
  await signPdf(core, demo, identity, pdfs[i] as Uint8Array, { id: core.newId(), signedAt: new Date() });
let t = performance.now();
for (let i = 0; i < baselineCount; i++)
  await signPdf(core, demo, identity, pdfs[i] as Uint8Array, { id: core.newId(), signedAt: new Date() });
const signOnlyPerSecond = baselineCount / ((performance.now() - t) / 1000);

// End to end: upload validated and staged, then the worker issues the batch.
t = performance.now();
const { batch } = await createBatch(core, BY_CLI, demo, {
  manifest,
  manifestName: "bench.csv",
  zip,
  source: "cli",
});
if (!batch) throw new Error("no batch");
const validatedMs = performance.now() - t;
const worker = runtime.startWorker(["batch.run"]);
for (;;) {
  const current = await core.stores.batches.findById(demo.id, batch.id);
  if (current?.status === "done") break;
  await new Promise((r) => setTimeout(r, 20));
}
const totalMs = performance.now() - t;
await worker.stop();

const count = async (query: string) =>
  Number(
    ((await runtime.database.db.execute(sql.raw(query))) as unknown as { rows: { n: string }[] }).rows[0]?.n,
  );
const result = {
  documents: N,
  backend: "postgres",
  issued: await count("select count(*) as n from documents where external_id like 'BENCH-%'"),
  invitationsQueued: await count("select count(*) as n from jobs where queue = 'learner.invite'"),
  auditEvents: await count("select count(*) as n from audit_events where action = 'document.issued'"),
  validateAndStageSeconds: +(validatedMs / 1000).toFixed(2),
  totalSeconds: +(totalMs / 1000).toFixed(2),
  endToEndDocsPerSecond: Math.round(N / (totalMs / 1000)),
  signOnlyDocsPerSecond: Math.round(signOnlyPerSecond),
  ratioEndToEndToSignOnly: +(N / (totalMs / 1000) / signOnlyPerSecond).toFixed(2),
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
await runtime.close();
await db.drop();
rmSync(dataDir, { recursive: true, force: true });
