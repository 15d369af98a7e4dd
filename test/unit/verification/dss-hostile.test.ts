import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDevelopmentPki } from "../../../src/adapters/pki/dev-pki.ts";
import { verifyPdf } from "../../../src/core/verification/verify-pdf.ts";
import {
  addDss,
  clockedTsa,
  crlOf,
  days,
  ocspResponse,
  shortLivedIdentity,
  signSample,
} from "../../support/pki/ltv-fixtures.ts";
import { testPki } from "../../support/pki/test-pki.ts";

const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
const soon = new Date(t0.getTime() + days(1));

describe("a hostile or foreign DSS", { timeout: 60_000 }, () => {
  it("garbage, truncated and oversized lists are skipped: the signature stays valid, quickly", async () => {
    const pki = await testPki();
    const id = await shortLivedIdentity(pki.issuing, new Date(t0.getTime() - 60_000), 30);
    const tsa = await clockedTsa(pki.issuing, new Date(t0.getTime() - days(1)), 6);
    tsa.at = t0;
    const signed = await signSample(id, tsa);
    const real = ocspResponse({
      certDer: id.certificateDer,
      issuerDer: pki.issuing.certificateDer,
      answer: { status: "good" },
      producedAt: t0,
      signer: pki.issuing,
    });
    const junk = (n: number) =>
      Array.from({ length: n }, (_, i) => Uint8Array.of(0x30, 0x82, 0xff, i & 0xff));
    const hostile = await addDss(signed, {
      certificates: [...junk(300), randomBytes(2_000_000)],
      ocspResponses: [
        real.subarray(0, real.length - 7),
        Uint8Array.of(0x30, 0x03, 0x0a, 0x01, 0x01),
        ...junk(50),
      ],
      crls: [randomBytes(512), ...junk(50)],
      vri: [{ key: "00".repeat(20), certificates: junk(10), ocspResponses: junk(10) }],
    });
    const started = performance.now();
    const r = await verifyPdf(hostile, { trustAnchorsDer: [pki.root.certificateDer], now: soon });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(r.valid).toBe(true);
    expect(r.signatures[0]?.checks.find((c) => c.id === "revocation")?.code).toBe("revocation_not_checked");
    expect(r.longTerm.level).toBe("B-T");
  });

  it("a CRL from a look-alike CA (same names, another key) revoking the signer is ignored", async () => {
    const pki = await testPki();
    const lookAlike = await createDevelopmentPki({ keyAlgorithm: "ECDSA-P256", portalName: "Sceau" });
    const id = await shortLivedIdentity(pki.issuing, new Date(t0.getTime() - 60_000), 30);
    const signed = await signSample(id);
    const crl = await crlOf(lookAlike.issuing, [{ serialNumber: id.serialNumber, revokedAt: t0 }], t0);
    const forged = await addDss(signed, { certificates: [lookAlike.issuing.certificateDer], crls: [crl] });
    const r = await verifyPdf(forged, { trustAnchorsDer: [pki.root.certificateDer], now: soon });
    expect(r.valid).toBe(true);
    expect(r.signatures[0]?.checks.find((c) => c.id === "revocation")?.code).toBe("revocation_not_checked");
    // The genuine CA's CRL saying the same is believed.
    const genuine = await addDss(signed, {
      certificates: [],
      crls: [await crlOf(pki.issuing, [{ serialNumber: id.serialNumber, revokedAt: t0 }], t0)],
    });
    const revoked = await verifyPdf(genuine, { trustAnchorsDer: [pki.root.certificateDer], now: soon });
    expect(revoked.valid).toBe(false);
    expect(revoked.signatures[0]?.checks.find((c) => c.id === "revocation")?.code).toBe(
      "certificate_revoked",
    );
  });
});
