import type {
  AdviceKey,
  NotTheRecordKey,
  ProblemKey,
  Verdict,
} from "../../../core/documents/file-verdict.types.ts";
import type { VerificationCheck, VerificationReport } from "../../../core/verification/verification.types.ts";

// The vocabulary is core's (file-verdict.types.ts): the server speaks it too, for a shared
// document's stored file (src/core/documents/file-verdict.ts follows these same rules).
export type { AdviceKey, ProblemKey, Verdict };

const ADVICE: Record<string, AdviceKey> = {
  byte_range_invalid: "modified",
  digest_mismatch: "modified",
  signature_invalid: "modified",
  modified_after_signing: "modified",
  docmdp_violation: "modified",
  signing_certificate_mismatch: "modified",
  untrusted_chain: "untrusted",
  bad_certificate_signature: "untrusted",
  issuer_not_ca: "untrusted",
  unknown_critical_extension: "untrusted",
  key_usage_invalid: "untrusted",
  certificate_expired: "untrusted",
  certificate_not_yet_valid: "untrusted",
  certificate_revoked: "untrusted",
  revocation_data_missing: "untrusted",
  cms_malformed: "damagedSignature",
  unsupported_algorithm: "damagedSignature",
  signing_certificate_missing: "damagedSignature",
  timestamp_invalid: "timestamp",
  tsa_untrusted: "timestamp",
  tsa_expired: "timestamp",
  tsa_revoked: "timestamp",
  tsa_revocation_data_missing: "timestamp",
  no_signature: "notSigned",
  too_large: "unreadable",
  empty_file: "unreadable",
  unreadable_pdf: "unreadable",
  encrypted_unsupported: "unreadable",
  deadline_exceeded: "unreadable",
  signature_failed: "signatureFailed",
  document_revoked: "revoked",
  document_superseded: "superseded",
  document_unknown: "unknown",
};

/** What to do about a check, when it failed or warns; null when there is nothing to do. */
export function adviceFor(check: VerificationCheck): AdviceKey | null {
  if (check.status !== "failed" && check.status !== "warning") return null;
  return (check.code && ADVICE[check.code]) || "generic";
}

/** Every check of the report: the file's, then each signature's. */
export function allChecks(report: VerificationReport): VerificationCheck[] {
  return [...report.checks, ...report.signatures.flatMap((s) => s.checks)];
}

/** True when something other than the registry status failed: the file itself cannot be trusted. */
export function fileFailed(report: VerificationReport): boolean {
  return allChecks(report).some((c) => c.status === "failed" && c.id !== "document_status");
}

/**
 * The verdict of a report. A file whose signature or structure fails is "invalid" whatever the
 * registry says; an intact, trusted file is then revoked, superseded, active ("valid") or unknown
 * to the registry (no Sceau id, or not the bytes the portal issued).
 */
export function verdictOf(report: VerificationReport): Verdict {
  const status = report.document.status?.status;
  if (fileFailed(report)) return "invalid";
  if (status === "revoked") return "revoked";
  if (!report.valid) return "invalid";
  if (status === "superseded") return "superseded";
  if (status === "active") return "valid";
  return "unknown";
}

/** Order in which problems explain an invalid verdict: the most telling first. */
const PROBLEM_ORDER = [
  "unreadable",
  "notSigned",
  "modified",
  "untrusted",
  "damagedSignature",
  "timestamp",
  "signatureFailed",
  "generic",
] as const satisfies readonly ProblemKey[];

/** The main reason an invalid file is invalid, as an advice family. */
export function mainProblem(report: VerificationReport): ProblemKey {
  const found = new Set<AdviceKey>(
    allChecks(report)
      .filter((c) => c.status === "failed" && c.id !== "document_status")
      .map((c) => adviceFor(c) ?? "generic"),
  );
  return PROBLEM_ORDER.find((key) => found.has(key)) ?? "generic";
}

/** How a copy compares with the registry record a visitor is looking at (/v/:id). */
export type Comparison = { matches: true } | { matches: false; why: NotTheRecordKey | ProblemKey };

/**
 * A copy matches the record when it names this document, its signatures are intact and
 * trusted, and it starts with exactly the bytes the portal issued (the registry status is then
 * known: active, revoked or superseded). A revoked copy still "matches": it is this document.
 */
export function compareWithRecord(report: VerificationReport, recordId: string): Comparison {
  if (fileFailed(report)) return { matches: false, why: mainProblem(report) };
  const id = report.document.id?.toLowerCase() ?? null;
  if (id === null) return { matches: false, why: "notSceau" };
  if (id !== recordId.toLowerCase()) return { matches: false, why: "otherDocument" };
  const status = report.document.status?.status;
  if (!status || status === "unknown") return { matches: false, why: "notIssuedFile" };
  return { matches: true };
}

/** What was changed after signing, each in plain words, once (from every signature's "modifications" check). */
export function modificationReasons(
  report: VerificationReport,
): { code: string; message: { fr: string; en: string } }[] {
  const seen = new Set<string>();
  const out: { code: string; message: { fr: string; en: string } }[] = [];
  for (const c of allChecks(report))
    for (const r of c.reasons ?? [])
      if (!seen.has(r.message.en)) {
        seen.add(r.message.en);
        out.push(r);
      }
  return out;
}
