import { X509Certificate } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { DevelopmentPki, SigningIdentityMaterial } from "../../../src/adapters/pki/dev-pki.ts";
import type { VerificationReport } from "../../../src/core/verification/verification.types.ts";
import { verifyPdf } from "../../../src/core/verification/verify-pdf.ts";
import {
  addDss,
  type ClockedTsa,
  clockedTsa,
  crlOf,
  days,
  delegatedResponder,
  ocspResponse,
  shortLivedIdentity,
  signSample,
  stampDocument,
  validationData,
} from "../../support/pki/ltv-fixtures.ts";
import { testPki } from "../../support/pki/test-pki.ts";

const YEAR = days(365);
/** The signing time: whole seconds, as TSAs write genTime. */
const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
/** Years later: the signing certificate (30 days) expired long ago; the TSAs (6 and 8 years) still stand. */
const later = new Date(t0.getTime() + 5 * YEAR);
const at = (ms: number) => new Date(t0.getTime() + ms);

let pki: DevelopmentPki;
let id: SigningIdentityMaterial;
let signatureTsa: ClockedTsa;
let archiveTsa: ClockedTsa;

const check = (r: VerificationReport, checkId: string) =>
  r.signatures[0]?.checks.find((c) => c.id === checkId);
const verifyAt = (pdf: Uint8Array, now: Date) =>
  verifyPdf(pdf, { trustAnchorsDer: [pki.root.certificateDer], now });

/** An OCSP response about the signer's certificate, produced 5 minutes after signing. */
const signerOcsp = (o: Omit<Parameters<typeof ocspResponse>[0], "certDer" | "issuerDer" | "producedAt">) =>
  ocspResponse({
    certDer: id.certificateDer,
    issuerDer: pki.issuing.certificateDer,
    producedAt: at(300_000),
    ...o,
  });

/** B-T at t0, the DSS of its validation data 5 minutes later, a document timestamp 10 minutes later. */
async function bLta(signerOcsp?: (tsa: ClockedTsa) => Uint8Array | Promise<Uint8Array>): Promise<Uint8Array> {
  signatureTsa.at = t0;
  const signed = await signSample(id, signatureTsa);
  const ocsp = signerOcsp ? await signerOcsp(signatureTsa) : undefined;
  const withDss = await addDss(signed, await validationData(pki, id, signatureTsa, at(300_000), ocsp));
  archiveTsa.at = at(600_000);
  return stampDocument(withDss, archiveTsa);
}

beforeAll(async () => {
  pki = await testPki();
  id = await shortLivedIdentity(pki.issuing, new Date(t0.getTime() - 60_000), 30);
  signatureTsa = await clockedTsa(pki.issuing, new Date(t0.getTime() - days(1)), 6);
  archiveTsa = await clockedTsa(pki.issuing, new Date(t0.getTime() - days(1)), 8);
});

describe("long-term validation (PAdES B-LT / B-LTA) with embedded data only", { timeout: 60_000 }, () => {
  it("a B-LTA document stays valid years after its certificate expired and was revoked later", async () => {
    const lta = await bLta();
    // Ten days after signing the certificate is revoked; a CRL saying so joins a second DSS,
    // itself covered by a second document timestamp.
    const revokedAt = at(days(10));
    const crl = await crlOf(pki.issuing, [{ serialNumber: id.serialNumber, revokedAt }], at(days(11)));
    const again = await addDss(lta, { certificates: [], crls: [crl] });
    archiveTsa.at = at(days(11) + 3_600_000);
    const restamped = await stampDocument(again, archiveTsa);
    for (const pdf of [lta, restamped]) {
      const r = await verifyAt(pdf, later);
      expect(r.valid).toBe(true);
      expect(check(r, "certificate_chain")?.status).toBe("passed");
      expect(check(r, "revocation")?.status).toBe("passed");
      expect(check(r, "timestamp")?.status).toBe("passed");
      expect(r.longTerm.level).toBe("B-LTA");
      expect(r.longTerm.protectedUntil).toBe(new Date(tsaNotAfter(archiveTsa)).toISOString());
      expect(r.signatures.filter((s) => s.kind === "document_timestamp").length).toBeGreaterThan(0);
    }
  });

  it("the same signature as B-B is not valid then: its chain is checked now (certificate_expired)", async () => {
    const bb = await signSample(id);
    const r = await verifyAt(bb, later);
    expect(r.valid).toBe(false);
    expect(check(r, "certificate_chain")).toMatchObject({ status: "failed", code: "certificate_expired" });
    expect(r.longTerm).toEqual({ level: null, protectedUntil: null });
    // Right after signing it is valid: the claimed /M time is no longer what makes it so.
    expect((await verifyAt(bb, at(days(1)))).valid).toBe(true);
  });

  it("a B-T signature whose certificate expired, without revocation data, is not valid long term", async () => {
    signatureTsa.at = t0;
    const bt = await signSample(id, signatureTsa);
    const r = await verifyAt(bt, later);
    expect(r.valid).toBe(false);
    expect(check(r, "certificate_chain")?.status).toBe("passed");
    expect(check(r, "revocation")).toMatchObject({ status: "failed", code: "revocation_data_missing" });
  });

  it("a revocation dated before the signature timestamp makes the B-LTA document invalid", async () => {
    const revokedAt = new Date(t0.getTime() - 30_000);
    const lta = await bLta(() =>
      signerOcsp({ answer: { status: "revoked", revokedAt }, signer: pki.issuing }),
    );
    const r = await verifyAt(lta, later);
    expect(r.valid).toBe(false);
    const revocation = check(r, "revocation");
    expect(revocation).toMatchObject({ status: "failed", code: "certificate_revoked" });
    const when = revokedAt.toISOString().slice(0, 16).replace("T", " ");
    expect(revocation?.message.fr).toContain(when);
    expect(revocation?.message.en).toContain(when);
    // The same from a CRL, checked right after signing.
    signatureTsa.at = t0;
    const signed = await signSample(id, signatureTsa);
    const crl = await crlOf(pki.issuing, [{ serialNumber: id.serialNumber, revokedAt }], at(60_000));
    const withCrl = await addDss(signed, { certificates: [], crls: [crl] });
    expect(check(await verifyAt(withCrl, at(days(1))), "revocation")?.code).toBe("certificate_revoked");
  });

  it("a forged OCSP response (wrong key, or a responder the CA did not certify) is not accepted", async () => {
    const forger = await testPki("forger");
    const foreignResponder = await delegatedResponder(forger.issuing, t0);
    for (const signer of [forger.issuing, foreignResponder]) {
      const lta = await bLta(() => signerOcsp({ answer: { status: "good" }, signer, attach: true }));
      const r = await verifyAt(lta, later);
      expect(r.valid).toBe(false);
      expect(check(r, "revocation")).toMatchObject({ status: "failed", code: "revocation_data_missing" });
      // Right after signing the certificate is still valid: not checked, not B-LT.
      const soon = await verifyAt(lta, at(days(1)));
      expect(soon.valid).toBe(true);
      expect(check(soon, "revocation")?.code).toBe("revocation_not_checked");
      expect(soon.longTerm.level).toBe("B-T");
    }
  });

  it("a delegated responder certified by the CA (OCSPSigning, nocheck) is accepted", async () => {
    const responder = await delegatedResponder(pki.issuing, t0);
    const lta = await bLta(() =>
      signerOcsp({ answer: { status: "good" }, signer: responder, attach: true, certIdHash: "sha256" }),
    );
    const r = await verifyAt(lta, later);
    expect(r.valid).toBe(true);
    expect(r.longTerm.level).toBe("B-LTA");
  });
});

function tsaNotAfter(tsa: ClockedTsa): number {
  return notAfterOf(tsa.material.certificateDer);
}

/** A certificate's notAfter (the TSAs' and the signer's expire before the issuing CA and the root). */
function notAfterOf(der: Uint8Array): number {
  return new Date(new X509Certificate(Buffer.from(der)).validTo).getTime();
}

describe("the level and protectedUntil reported", { timeout: 60_000 }, () => {
  const soon = () => at(days(1));

  it("B-B: signature only, protected until the signer certificate expires", async () => {
    const r = await verifyAt(await signSample(id), soon());
    expect(r.valid).toBe(true);
    expect(r.longTerm).toEqual({
      level: "B-B",
      protectedUntil: new Date(notAfterOf(id.certificateDer)).toISOString(),
    });
    expect(r.checks.find((c) => c.id === "long_term")).toMatchObject({
      status: "skipped",
      code: "pades_b_b",
    });
  });

  it("B-T: timestamped, no validation data: until the signer certificate expires", async () => {
    signatureTsa.at = t0;
    const r = await verifyAt(await signSample(id, signatureTsa), soon());
    expect(r.longTerm).toEqual({
      level: "B-T",
      protectedUntil: new Date(notAfterOf(id.certificateDer)).toISOString(),
    });
    expect(r.checks.find((c) => c.id === "long_term")?.code).toBe("pades_b_t");
  });

  it("B-LT: with the DSS, until the signature TSA's certificate expires", async () => {
    signatureTsa.at = t0;
    const signed = await signSample(id, signatureTsa);
    const lt = await addDss(signed, await validationData(pki, id, signatureTsa, at(300_000)));
    const r = await verifyAt(lt, soon());
    expect(r.valid).toBe(true);
    expect(r.longTerm).toEqual({
      level: "B-LT",
      protectedUntil: new Date(tsaNotAfter(signatureTsa)).toISOString(),
    });
    const ltCheck = r.checks.find((c) => c.id === "long_term");
    expect(ltCheck).toMatchObject({ status: "passed", code: "pades_b_lt" });
    expect(ltCheck?.message.fr).toContain("B-LT");
    expect(ltCheck?.message.en).toContain(new Date(tsaNotAfter(signatureTsa)).toISOString().slice(0, 10));
  });

  it("B-LTA: a document timestamp covers the DSS: until the archive TSA's certificate expires", async () => {
    const r = await verifyAt(await bLta(), soon());
    expect(r.valid).toBe(true);
    expect(r.longTerm).toEqual({
      level: "B-LTA",
      protectedUntil: new Date(tsaNotAfter(archiveTsa)).toISOString(),
    });
    expect(r.checks.find((c) => c.id === "long_term")?.code).toBe("pades_b_lta");
  });

  it("a DSS added after the document timestamp is not covered: B-LT, not B-LTA", async () => {
    signatureTsa.at = t0;
    const signed = await signSample(id, signatureTsa);
    archiveTsa.at = at(60_000);
    const stamped = await stampDocument(signed, archiveTsa);
    const lt = await addDss(stamped, await validationData(pki, id, signatureTsa, at(300_000)));
    const r = await verifyAt(lt, soon());
    expect(r.valid).toBe(true);
    expect(r.longTerm.level).toBe("B-LT");
  });
});
