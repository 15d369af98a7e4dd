import { check } from "./check-messages.ts";
import type { RegistryStatus, VerificationReport } from "./verification.types.ts";

/**
 * Returns the report with the document's registry status added (`document.status` and a
 * "document_status" check): revoked → failed and `valid: false`; superseded → warning; unknown →
 * warning. The caller looks the status up by `report.document.id`.
 */
export function applyRegistryStatus(report: VerificationReport, status: RegistryStatus): VerificationReport {
  const c =
    status.status === "active"
      ? check("document_status", "passed")
      : status.status === "revoked"
        ? check("document_status", "failed", "document_revoked")
        : status.status === "superseded"
          ? check("document_status", "warning", "document_superseded")
          : check("document_status", "warning", "document_unknown");
  return {
    ...report,
    valid: report.valid && c.status !== "failed",
    checks: [...report.checks.filter((x) => x.id !== "document_status"), c],
    document: { ...report.document, status },
  };
}
