import type { Bilingual } from "../i18n.types.ts";
import { applyValidationTimes, type SignatureLongTerm } from "./apply-validation-times.ts";
import { changesAfterSigning } from "./changes-after-signing.ts";
import { check } from "./check-messages.ts";
import { longTermCheck } from "./dated-checks.ts";
import { findSignatures } from "./find-signatures.ts";
import { longTermSummary } from "./long-term-summary.ts";
import { describeModification, type Modification } from "./modification-reasons.ts";
import { type ParsedCertificate, parseCertificateCached } from "./parsed-certificate.ts";
import { indexOfAscii } from "./pdf/byte-search.ts";
import { PdfFile, type PdfReadOptions } from "./pdf/pdf-file.ts";
import { decodeTextString, isString } from "./pdf/pdf-values.ts";
import { readDss } from "./read-dss.ts";
import { itemKey, revocationDataOf } from "./revocation-data.ts";
import { createVerificationCache, type VerifierKit, webVerifierCrypto } from "./signature-algorithms.ts";
import type { VerificationContext, VerificationReport } from "./verification.types.ts";
import { type CheckedSignature, verifySignatureField } from "./verify-signature.ts";

/** Default largest file checked: 50 MiB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** Default time budget: 10 s. */
export const DEFAULT_DEADLINE_MS = 10_000;

class DeadlineExceeded extends Error {}

/**
 * Verifies every signature of a PDF and reports each step (DESIGN.md convention 4). Pure: no I/O;
 * the trust anchors and the time come from `ctx`. Never throws on hostile input — a damaged,
 * forged, oversized, encrypted or endlessly nested file yields `valid: false` with the failed
 * check named. `document.status` is left for the caller to fill from the registry
 * (see `applyRegistryStatus`).
 */
export async function verifyPdf(bytes: Uint8Array, ctx: VerificationContext): Promise<VerificationReport> {
  const report: VerificationReport = {
    valid: false,
    checks: [],
    signatures: [],
    longTerm: { level: null, protectedUntil: null },
    document: { id: null },
  };
  const checks = report.checks;
  if (bytes.length > (ctx.maxBytes ?? DEFAULT_MAX_BYTES)) {
    checks.push(check("file", "failed", "too_large"));
    return report;
  }
  const header = indexOfAscii(bytes.subarray(0, 1024), "%PDF-");
  if (header < 0) {
    checks.push(check("file", "failed", "empty_file"));
    return report;
  }
  checks.push(check("file", "passed"));
  const clock = ctx.monotonicMs ?? (() => performance.now());
  const started = clock();
  const budget = ctx.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const checkpoint = () => {
    if (clock() - started > budget) throw new DeadlineExceeded();
  };
  const read: PdfReadOptions = { checkpoint, ...(ctx.inflate ? { inflate: ctx.inflate } : {}) };
  const kit: VerifierKit = {
    crypto: ctx.crypto ?? webVerifierCrypto(),
    cache: ctx.cache ?? createVerificationCache(),
  };
  const anchors: ParsedCertificate[] = ctx.trustAnchorsDer.map((d) => parseCertificateCached(d, kit.cache));
  let levels: SignatureLongTerm[] | null = null;
  try {
    levels = await verifyInto(report, bytes, anchors, read, checkpoint, kit, ctx.now);
  } catch (e) {
    if (e instanceof DeadlineExceeded) checks.push(check("time_limit", "failed", "deadline_exceeded"));
    else if (!checks.some((c) => c.id === "structure"))
      checks.push(check("structure", "failed", "unreadable_pdf"));
    else checks.push(check("signatures_valid", "failed", "signature_failed"));
    report.valid = false;
    return report;
  }
  report.valid =
    report.signatures.length > 0 &&
    !checks.some((c) => c.status === "failed") &&
    report.signatures.every((s) => !s.checks.some((c) => c.status === "failed"));
  if (levels) {
    report.longTerm = longTermSummary(levels, report.valid);
    const lt = report.longTerm;
    checks.push(longTermCheck(lt.level, lt.protectedUntil ? new Date(lt.protectedUntil) : null));
  }
  return report;
}

async function verifyInto(
  report: VerificationReport,
  bytes: Uint8Array,
  anchors: ParsedCertificate[],
  read: PdfReadOptions,
  checkpoint: () => void,
  kit: VerifierKit,
  now: Date,
): Promise<SignatureLongTerm[] | null> {
  const checks = report.checks;
  let file: PdfFile;
  try {
    file = await PdfFile.open(bytes, read);
    if (!(await file.catalog())) throw new Error("no catalog");
  } catch (e) {
    if (e instanceof DeadlineExceeded) throw e;
    checks.push(check("structure", "failed", "unreadable_pdf"));
    return null;
  }
  checks.push(check("structure", "passed"));
  if (file.trailer.map.has("Encrypt")) {
    checks.push(check("encryption", "failed", "encrypted_unsupported"));
    return null;
  }
  checks.push(check("encryption", "passed"));
  const info = await file.resolveDict(file.trailer.map.get("Info"));
  const id = info?.map.get("SceauDocumentId");
  report.document.id = isString(id) ? decodeTextString(id.bytes).slice(0, 200) : null;

  const found = await findSignatures(file);
  if (found.length === 0) {
    checks.push(check("signatures_present", "failed", "no_signature"));
    return null;
  }
  checks.push(check("signatures_present", "passed"));
  const results: CheckedSignature[] = [];
  for (const f of found.slice(0, 50)) {
    checkpoint();
    results.push(await verifySignatureField(file, f, kit));
  }
  results.sort((x, y) => (x.signedEnd ?? 0) - (y.signedEnd ?? 0));
  const isFatal = (e: unknown) => e instanceof DeadlineExceeded;
  const data = revocationDataOf(await readDss(file, isFatal), kit.cache);
  const dssKeys = new Map<number, ReadonlySet<string>>();
  const dssKeysAt = async (end: number): Promise<ReadonlySet<string>> => {
    let keys = dssKeys.get(end);
    if (!keys) {
      const found = new Set<string>();
      try {
        const revision = end === bytes.length ? file : await PdfFile.open(bytes, read, end);
        const dss = await readDss(revision, isFatal);
        for (const der of [...dss.ocspResponses, ...dss.crls]) found.add(itemKey(der));
      } catch (e) {
        if (isFatal(e)) throw e;
      }
      keys = found;
      dssKeys.set(end, keys);
    }
    return keys;
  };
  const levels = await applyValidationTimes(results, { anchors, data, now, kit, dssKeysAt });
  const certifications = results.filter((r) => r.report.docMdpLevel !== null);
  // Whether each signature holds on its own (before coverage and DocMDP are added below).
  const holds = new Map(
    results.map((r) => [r.objectNumber, !r.report.checks.some((c) => c.status === "failed")]),
  );
  for (const [i, r] of results.entries()) {
    const s = r.report;
    if (r.signedEnd !== null) {
      checkpoint();
      const changes = await changesAfterSigning(file, r.signedEnd, read, (n) => holds.get(n));
      s.checks.push(
        changes.disallowed.length === 0
          ? check("modifications", "passed")
          : {
              ...check("modifications", "failed", "modified_after_signing"),
              reasons: uniqueReasons(changes.disallowed),
            },
      );
      if (s.kind === "signature") {
        if (s.docMdpLevel === null) s.checks.push(check("docmdp", "skipped", "not_certification"));
        else {
          const forbidden =
            (s.docMdpLevel === 1 && changes.allowed.has("signature")) || i !== 0 || certifications.length > 1;
          s.checks.push(
            forbidden ? check("docmdp", "failed", "docmdp_violation") : check("docmdp", "passed"),
          );
        }
      }
    }
    report.signatures.push(s);
  }
  const anyFailed = report.signatures.some((s) => s.checks.some((c) => c.status === "failed"));
  checks.push(
    anyFailed ? check("signatures_valid", "failed", "signature_failed") : check("signatures_valid", "passed"),
  );
  return levels;
}

/** Each disallowed change in plain words, once per distinct sentence. */
function uniqueReasons(changes: Modification[]): { code: string; message: Bilingual }[] {
  const seen = new Set<string>();
  return changes
    .map((m) => ({ code: m.code, message: describeModification(m) }))
    .filter((r) => !seen.has(r.message.en) && seen.add(r.message.en) !== undefined);
}
