import type { VerificationCheck, VerificationReport } from "../verification/verification.types.ts";
import type { AdviceKey, FileVerdict, ProblemKey } from "./file-verdict.types.ts";

/**
 * The rules of src/web/features/verification/verdict.ts (the verification page's), on the server:
 * the web may import no code of core, only its types. test/unit/file-verdict.test.ts checks that
 * both give the same answer.
 */
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

const PROBLEM_ORDER: readonly ProblemKey[] = [
  "unreadable",
  "notSigned",
  "modified",
  "untrusted",
  "damagedSignature",
  "timestamp",
  "signatureFailed",
  "generic",
];

const failures = (report: VerificationReport): VerificationCheck[] =>
  [...report.checks, ...report.signatures.flatMap((s) => s.checks)].filter(
    (c) => c.status === "failed" && c.id !== "document_status",
  );

/**
 * What a stored file is, checked against the record `documentId` it is served as: intact and this
 * record's issued bytes (then the registry's status), invalid (its main problem), or intact but not
 * this record's file (another document, no Sceau id, bytes the registry does not know).
 */
export function fileVerdict(report: VerificationReport, documentId: string): FileVerdict {
  const failed = failures(report);
  if (failed.length > 0) {
    const found = new Set(failed.map((c) => (c.code && ADVICE[c.code]) || "generic"));
    return { verdict: "invalid", why: PROBLEM_ORDER.find((k) => found.has(k)) ?? "generic" };
  }
  const id = report.document.id?.toLowerCase() ?? null;
  if (id === null) return { verdict: "unknown", why: "notSceau" };
  if (id !== documentId.toLowerCase()) return { verdict: "unknown", why: "otherDocument" };
  const status = report.document.status?.status;
  if (!status || status === "unknown") return { verdict: "unknown", why: "notIssuedFile" };
  if (status === "revoked") return { verdict: "revoked", why: null };
  if (!report.valid) return { verdict: "invalid", why: "generic" };
  return { verdict: status === "superseded" ? "superseded" : "valid", why: null };
}

/** The file is the one the institution issued for this record (whatever its registry status). */
export const isIssuedFile = (v: FileVerdict) => v.why === null;
