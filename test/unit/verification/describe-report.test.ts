import { describe, expect, it } from "vitest";
import { describeReport } from "../../../src/cli/commands/verify-command.ts";
import { check } from "../../../src/core/verification/check-messages.ts";
import type { VerificationReport } from "../../../src/core/verification/verification.types.ts";

const report = (longTerm: VerificationReport["longTerm"]): VerificationReport => ({
  valid: longTerm.level !== null,
  checks: [check("signatures_present", "passed")],
  signatures: [],
  longTerm,
  document: { id: null },
});

describe("sceau verify's human output", () => {
  it("names the PAdES level and until when the file is protected, in French and English", () => {
    const r = report({ level: "B-LTA", protectedUntil: "2031-12-07T02:05:42.000Z" });
    expect(describeReport("a.pdf", r, "en").split("\n")[1]).toBe(
      "    level PAdES B-LTA, protected until 2031-12-07T02:05:42.000Z",
    );
    expect(describeReport("a.pdf", r, "fr").split("\n")[1]).toBe(
      "    niveau PAdES B-LTA, protégé jusqu'au 2031-12-07T02:05:42.000Z",
    );
  });

  it("names the institution that signed, not the document timestamp after it", () => {
    const signature = (kind: "signature" | "document_timestamp", commonName: string | null) =>
      ({
        fieldName: null,
        kind,
        subFilter: null,
        signer: { commonName, organization: null, country: null, serialNumber: null, issuer: null },
        signedAt: "2026-12-08T01:50:25.000Z",
        timestamp: null,
        coversWholeDocument: kind === "document_timestamp",
        docMdpLevel: null,
        claimed: { name: null, reason: null, location: null },
        checks: [],
      }) satisfies VerificationReport["signatures"][number];
    const r = {
      ...report({ level: "B-LTA", protectedUntil: "2031-12-07T02:05:42.000Z" }),
      signatures: [signature("signature", "Cégep de démonstration"), signature("document_timestamp", null)],
    };
    expect(describeReport("a.pdf", r, "en").split("\n")[0]).toBe(
      "✓ a.pdf: valid — Cégep de démonstration, 2026-12-08T01:50:25.000Z",
    );
  });

  it("has no level line for a file that is not valid", () => {
    expect(describeReport("a.pdf", report({ level: null, protectedUntil: null }), "en")).not.toContain(
      "PAdES",
    );
  });
});
