import { describe, expect, it } from "vitest";
import type {
  CheckStatus,
  RegistryStatus,
  VerificationCheck,
  VerificationReport,
} from "../../../core/verification/verification.types.ts";
import { adviceFor, compareWithRecord, mainProblem, verdictOf } from "./verdict.ts";

const ID = "2eaa2a2b-c600-4f61-91ac-6ee7f2f0af87";
const message = { fr: "…", en: "…" };
const check = (id: VerificationCheck["id"], status: CheckStatus, code?: string): VerificationCheck =>
  code ? { id, status, code, message } : { id, status, message };

/** A report shaped like the verifier's: one signature, optional failures, a registry status. */
function report(
  options: { signatureChecks?: VerificationCheck[]; status?: RegistryStatus; id?: string | null } = {},
): VerificationReport {
  const signatureChecks = options.signatureChecks ?? [check("digest", "passed")];
  const failed = signatureChecks.some((c) => c.status === "failed");
  const status = options.status ?? { status: "active" };
  const statusCheck =
    status.status === "active"
      ? check("document_status", "passed")
      : status.status === "revoked"
        ? check("document_status", "failed", "document_revoked")
        : check("document_status", "warning", `document_${status.status}`);
  return {
    valid: !failed && status.status !== "revoked",
    checks: [
      check("signatures_present", "passed"),
      failed ? check("signatures_valid", "failed", "signature_failed") : check("signatures_valid", "passed"),
      statusCheck,
    ],
    longTerm: { level: failed ? null : "B-B", protectedUntil: null },
    signatures: [
      {
        fieldName: "Signature1",
        kind: "signature",
        subFilter: "ETSI.CAdES.detached",
        signer: {
          commonName: "Cégep",
          organization: "Cégep",
          country: "CA",
          serialNumber: "01",
          issuer: null,
        },
        signedAt: "2026-01-01T00:00:00.000Z",
        timestamp: null,
        coversWholeDocument: true,
        docMdpLevel: null,
        claimed: { name: null, reason: null, location: null },
        checks: signatureChecks,
      },
    ],
    document: { id: options.id === undefined ? ID : options.id, status },
  };
}

describe("the verdict of a report", () => {
  it("is valid only for an intact, trusted file that the registry lists as active", () => {
    expect(verdictOf(report())).toBe("valid");
  });

  it("is invalid when the file was modified, whatever the registry says", () => {
    const modified = report({
      signatureChecks: [check("digest", "failed", "digest_mismatch")],
      status: { status: "unknown" },
    });
    expect(verdictOf(modified)).toBe("invalid");
    expect(mainProblem(modified)).toBe("modified");
    expect(compareWithRecord(modified, ID)).toEqual({ matches: false, why: "modified" });
  });

  it("explains an untrusted signer before a missing timestamp", () => {
    const untrusted = report({
      signatureChecks: [
        check("timestamp", "failed", "timestamp_invalid"),
        check("certificate_chain", "failed", "untrusted_chain"),
      ],
    });
    expect(mainProblem(untrusted)).toBe("untrusted");
  });

  it("tells revoked, superseded and unknown documents apart", () => {
    expect(verdictOf(report({ status: { status: "revoked", reason: "Erreur" } }))).toBe("revoked");
    expect(verdictOf(report({ status: { status: "superseded", supersededBy: ID } }))).toBe("superseded");
    expect(verdictOf(report({ status: { status: "unknown" } }))).toBe("unknown");
  });

  it("gives advice only for failed and warning checks", () => {
    expect(adviceFor(check("digest", "passed"))).toBeNull();
    expect(adviceFor(check("timestamp", "skipped", "no_timestamp"))).toBeNull();
    expect(adviceFor(check("modifications", "failed", "modified_after_signing"))).toBe("modified");
    expect(adviceFor(check("document_status", "failed", "document_revoked"))).toBe("revoked");
    expect(adviceFor(check("structure", "failed", "something_new"))).toBe("generic");
  });
});

describe("comparing a copy with a record", () => {
  it("matches the very file issued, even when the record is revoked", () => {
    expect(compareWithRecord(report(), ID)).toEqual({ matches: true });
    expect(compareWithRecord(report(), ID.toUpperCase())).toEqual({ matches: true });
    expect(compareWithRecord(report({ status: { status: "revoked" } }), ID)).toEqual({ matches: true });
  });

  it("says why another file does not match", () => {
    const other = "00000000-0000-4000-8000-000000000000";
    expect(compareWithRecord(report(), other)).toEqual({ matches: false, why: "otherDocument" });
    expect(compareWithRecord(report({ id: null }), ID)).toEqual({ matches: false, why: "notSceau" });
    expect(compareWithRecord(report({ status: { status: "unknown" } }), ID)).toEqual({
      matches: false,
      why: "notIssuedFile",
    });
  });
});
