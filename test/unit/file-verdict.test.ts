import { describe, expect, it } from "vitest";
import { fileVerdict } from "../../src/core/documents/file-verdict.ts";
import type { FileVerdict } from "../../src/core/documents/file-verdict.types.ts";
import type {
  CheckStatus,
  RegistryStatus,
  VerificationCheck,
  VerificationReport,
} from "../../src/core/verification/verification.types.ts";
import { compareWithRecord, verdictOf } from "../../src/web/features/verification/verdict.ts";

const ID = "2eaa2a2b-c600-4f61-91ac-6ee7f2f0af87";
const OTHER = "7b1d0c57-3f7e-4a4c-9a55-0a8f4f4b3c21";
const message = { fr: "…", en: "…" };
const check = (id: VerificationCheck["id"], status: CheckStatus, code?: string): VerificationCheck =>
  code ? { id, status, code, message } : { id, status, message };

/** Every outcome code the verifier gives a failed check, and one it may invent later. */
const CODES = [
  "byte_range_invalid",
  "digest_mismatch",
  "signature_invalid",
  "modified_after_signing",
  "docmdp_violation",
  "signing_certificate_mismatch",
  "untrusted_chain",
  "bad_certificate_signature",
  "issuer_not_ca",
  "unknown_critical_extension",
  "key_usage_invalid",
  "certificate_expired",
  "certificate_not_yet_valid",
  "certificate_revoked",
  "revocation_data_missing",
  "cms_malformed",
  "unsupported_algorithm",
  "signing_certificate_missing",
  "timestamp_invalid",
  "tsa_untrusted",
  "tsa_expired",
  "no_signature",
  "too_large",
  "empty_file",
  "unreadable_pdf",
  "encrypted_unsupported",
  "deadline_exceeded",
  "signature_failed",
  "something_new",
];
const STATUSES: (RegistryStatus | undefined)[] = [
  { status: "active" },
  { status: "revoked" },
  { status: "superseded", supersededBy: OTHER },
  { status: "unknown" },
  undefined,
];

function report(failed: string[], status: RegistryStatus | undefined, id: string | null): VerificationReport {
  const statusCheck =
    status?.status === "revoked"
      ? [check("document_status", "failed", "document_revoked")]
      : status && status.status !== "active"
        ? [check("document_status", "warning", `document_${status.status}`)]
        : [];
  return {
    valid: failed.length === 0 && status?.status !== "revoked",
    checks: [check("signatures_present", "passed"), ...statusCheck],
    longTerm: { level: null, protectedUntil: null },
    signatures: [
      {
        fieldName: "Signature1",
        kind: "signature",
        subFilter: "ETSI.CAdES.detached",
        signer: { commonName: null, organization: null, country: null, serialNumber: null, issuer: null },
        signedAt: null,
        timestamp: null,
        coversWholeDocument: true,
        docMdpLevel: null,
        claimed: { name: null, reason: null, location: null },
        checks: failed.length ? failed.map((c) => check("digest", "failed", c)) : [check("digest", "passed")],
      },
    ],
    document: { id, ...(status ? { status } : {}) },
  };
}

/** What the verification page (web) would say of this report compared with record ID. */
function webSays(r: VerificationReport): FileVerdict {
  const c = compareWithRecord(r, ID);
  if (!c.matches)
    return c.why === "otherDocument" || c.why === "notSceau" || c.why === "notIssuedFile"
      ? { verdict: "unknown", why: c.why }
      : { verdict: "invalid", why: c.why };
  const v = verdictOf(r);
  if (v === "valid" || v === "revoked" || v === "superseded") return { verdict: v, why: null };
  return { verdict: "invalid", why: "generic" };
}

describe("a stored file's verdict (core) and the verification page's (web)", () => {
  it("agree on every failure, pair of failures, registry status and embedded id", () => {
    const failures = [
      [],
      ...CODES.map((c) => [c]),
      ["untrusted_chain", "digest_mismatch"],
      ["timestamp_invalid", "no_signature"],
    ];
    let cases = 0;
    for (const failed of failures)
      for (const status of STATUSES)
        for (const id of [ID, ID.toUpperCase(), OTHER, null]) {
          const r = report(failed, status, id);
          expect(fileVerdict(r, ID), JSON.stringify({ failed, status, id })).toEqual(webSays(r));
          cases++;
        }
    expect(cases).toBeGreaterThan(500);
  });

  it("says valid, revoked or superseded only for this record's own intact file", () => {
    expect(fileVerdict(report([], { status: "active" }, ID), ID)).toEqual({ verdict: "valid", why: null });
    expect(fileVerdict(report([], { status: "revoked" }, ID), ID)).toEqual({ verdict: "revoked", why: null });
    expect(fileVerdict(report([], { status: "active" }, OTHER), ID)).toEqual({
      verdict: "unknown",
      why: "otherDocument",
    });
    expect(fileVerdict(report([], { status: "unknown" }, ID), ID)).toEqual({
      verdict: "unknown",
      why: "notIssuedFile",
    });
    expect(fileVerdict(report(["digest_mismatch"], { status: "active" }, ID), ID)).toEqual({
      verdict: "invalid",
      why: "modified",
    });
  });
});
