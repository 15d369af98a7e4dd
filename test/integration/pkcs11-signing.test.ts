import "reflect-metadata";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as x509 from "@peculiar/x509";
import pkcs11js from "pkcs11js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPrivateKey } from "../../src/adapters/pkcs11/pkcs11-key-pairs.ts";
import { openPkcs11Token, type Pkcs11Token } from "../../src/adapters/pkcs11/pkcs11-token.ts";
import { certificatesToPem, certifySigningKey } from "../../src/adapters/pki/dev-pki.ts";
import { activateHardwareKey } from "../../src/core/signing/activate-hardware-key.ts";
import { parseHardwareKeyReference } from "../../src/core/signing/hardware-key-reference.ts";
import type { HardwareKeys } from "../../src/core/signing/hardware-keys.ts";
import { importSigningIdentity } from "../../src/core/signing/import-signing-identity.ts";
import { issueSigningIdentity } from "../../src/core/signing/issue-signing-identity.ts";
import { signDocument } from "../../src/core/signing/sign-document.ts";
import type { KeyAlgorithm } from "../../src/core/signing/signing.types.ts";
import { portalTrustAnchors, verifyDocument } from "../../src/core/verification/verify-document.ts";
import { verifyPdf } from "../../src/core/verification/verify-pdf.ts";
import { makeInstitution } from "../support/factories.ts";
import {
  freePort,
  nssDbTrusting,
  opensslCmsVerify,
  pdfsig,
  pdfsigLive,
  tempDir,
} from "../support/pki/pdf-tools.ts";
import { identityToPkcs12 } from "../support/pki/pkcs12.ts";
import { SOFTHSM_MODULE, type SoftHsmToken, softHsmToken } from "../support/pki/softhsm-token.ts";
import { testIdentity, testPki } from "../support/pki/test-pki.ts";
import { samplePdf } from "../support/sample-pdf.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

/** Signing keys on a real SoftHSM2 token (SIGNING_KEYS=pkcs11), through the portal's own signing path. */
describe("signing with keys on a PKCS#11 token (SoftHSM2)", () => {
  let token: SoftHsmToken;
  let t: TestApp;
  let hsm: HardwareKeys;
  /** A second look at the token, as any other application holding the PIN would have. */
  let inspector: Pkcs11Token;

  beforeAll(async () => {
    token = softHsmToken();
    // The portal listens: its certificates name its OCSP responder, which pdfsig (NSS) asks.
    const port = await freePort();
    t = await startTestApp("pglite", { env: { ...token.env, PUBLIC_URL: `http://127.0.0.1:${port}` } });
    await t.app.listen({ port, host: "127.0.0.1" });
    if (!t.runtime.hardwareKeys) throw new Error("SIGNING_KEYS=pkcs11 gave no hardware keys");
    hsm = t.runtime.hardwareKeys;
    await hsm.list(); // opens the token in this process
    inspector = openPkcs11Token({
      module: SOFTHSM_MODULE,
      token: { label: token.label },
      pin: { file: token.pinFile },
    });
  });
  afterAll(async () => {
    await t?.close(); // finalizes the module for the inspector too
  });

  const rootsPem = async () => certificatesToPem(await portalTrustAnchors(t.core));

  for (const algorithm of ["RSA-2048", "RSA-3072", "ECDSA-P256"] as KeyAlgorithm[]) {
    it(`${algorithm}: a new identity's key is generated on the token; pdfsig, OpenSSL and our verifier accept its documents`, async () => {
      const inst = await makeInstitution(t.core);
      const identity = await issueSigningIdentity(t.core, inst, algorithm);
      const ref = parseHardwareKeyReference(identity.sealedKey);
      expect(ref).toEqual({ token: token.label, id: expect.stringMatching(/^[0-9a-f]{32}$/) });
      expect(Buffer.from(identity.sealedKey).toString("utf8")).toMatch(
        /^pkcs11:token=Sceau%20test;id=(%[0-9a-f]{2}){16};type=private$/,
      );
      expect((await hsm.find(ref?.id ?? ""))?.algorithm).toBe(algorithm);

      const { bytes, document } = await signDocument(t.core, {
        institution: inst,
        pdf: await samplePdf(),
        title: `Diplôme ${algorithm}`,
      });
      expect(document.signingIdentityId).toBe(identity.id);
      const report = await verifyDocument(t.core, bytes);
      expect(report.valid).toBe(true);
      expect(report.signatures[0]?.signer.serialNumber).toBe(identity.serialNumber);

      const roots = await rootsPem();
      const poppler = await pdfsigLive(bytes, nssDbTrusting(roots));
      expect(poppler).toContain("Signature is Valid.");
      expect(poppler).toContain("Certificate is Trusted.");
      expect(poppler).toContain("Total document signed");
      const openssl = opensslCmsVerify(bytes, roots);
      expect(openssl.output).toContain("Verification successful");
      expect(openssl.ok).toBe(true);
    });
  }

  it("signs many documents at once through the session pool", async () => {
    const inst = await makeInstitution(t.core);
    await issueSigningIdentity(t.core, inst, "ECDSA-P256");
    const pdf = await samplePdf();
    const signed = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        signDocument(t.core, { institution: inst, pdf, title: `n° ${i}` }),
      ),
    );
    for (const { bytes } of signed) expect((await verifyDocument(t.core, bytes)).valid).toBe(true);
  });

  it("the private key cannot be read, exported or wrapped: only used to sign", async () => {
    const inst = await makeInstitution(t.core);
    const identity = await issueSigningIdentity(t.core, inst, "RSA-2048");
    const ref = parseHardwareKeyReference(identity.sealedKey);
    if (!ref) throw new Error("no reference");
    const ec = parseHardwareKeyReference(
      (await issueSigningIdentity(t.core, await makeInstitution(t.core), "ECDSA-P256")).sealedKey,
    );
    if (!ec) throw new Error("no reference");
    const { pkcs11 } = inspector;
    const code = (fn: () => unknown): number | null => {
      try {
        fn();
        return null;
      } catch (err) {
        return (err as { code?: number }).code ?? -1;
      }
    };
    await inspector.withSession((session) => {
      const rsaKey = findPrivateKey(inspector, session, ref.id);
      const ecKey = findPrivateKey(inspector, session, ec.id);
      if (!rsaKey || !ecKey) throw new Error("the private keys are not on the token");
      for (const secret of [pkcs11js.CKA_PRIVATE_EXPONENT, pkcs11js.CKA_PRIME_1, pkcs11js.CKA_PRIME_2])
        expect(code(() => pkcs11.C_GetAttributeValue(session, rsaKey, [{ type: secret }]))).toBe(
          pkcs11js.CKR_ATTRIBUTE_SENSITIVE,
        );
      expect(code(() => pkcs11.C_GetAttributeValue(session, ecKey, [{ type: pkcs11js.CKA_VALUE }]))).toBe(
        pkcs11js.CKR_ATTRIBUTE_SENSITIVE,
      );
      for (const key of [rsaKey, ecKey]) {
        const flags = pkcs11
          .C_GetAttributeValue(session, key, [
            { type: pkcs11js.CKA_TOKEN },
            { type: pkcs11js.CKA_SENSITIVE },
            { type: pkcs11js.CKA_EXTRACTABLE },
            { type: pkcs11js.CKA_ALWAYS_SENSITIVE },
            { type: pkcs11js.CKA_NEVER_EXTRACTABLE },
          ])
          .map((a) => (a.value as Buffer)[0]);
        expect(flags).toEqual([1, 1, 0, 1, 1]);
        // Setting CKA_EXTRACTABLE back to true is refused (PKCS#11: it may only become false).
        expect(
          code(() =>
            pkcs11.C_SetAttributeValue(session, key, [{ type: pkcs11js.CKA_EXTRACTABLE, value: true }]),
          ),
        ).not.toBeNull();
      }
      // Wrapping (encrypting it out under a key of our own) is refused too.
      const wrapping = pkcs11.C_GenerateKey(session, { mechanism: pkcs11js.CKM_AES_KEY_GEN }, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_SECRET_KEY },
        { type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_AES },
        { type: pkcs11js.CKA_VALUE_LEN, value: 32 },
        { type: pkcs11js.CKA_TOKEN, value: false },
        { type: pkcs11js.CKA_WRAP, value: true },
        { type: pkcs11js.CKA_EXTRACTABLE, value: true },
      ]);
      for (const key of [rsaKey, ecKey])
        expect(
          code(() =>
            pkcs11.C_WrapKey(
              session,
              { mechanism: pkcs11js.CKM_AES_KEY_WRAP_PAD },
              wrapping,
              key,
              Buffer.alloc(4096),
            ),
          ),
        ).toBe(pkcs11js.CKR_KEY_UNEXTRACTABLE);
      pkcs11.C_DestroyObject(session, wrapping);
    });
    // The database holds only the key's URI: nothing to open with the master key.
    expect(identity.sealedKey.byteLength).toBeLessThan(120);
  });

  it("a certificate request signed on the token, answered by another CA, becomes the identity", async () => {
    const key = await hsm.generate("ECDSA-P256", "Sceau CSR test");
    const subject = { institutionName: "Collège Externe", organization: "Collège Externe", country: "CA" };
    const csrDer = await hsm.certificateRequest(key, subject);
    const dir = tempDir();
    writeFileSync(join(dir, "req.der"), csrDer);
    const req = spawnSync(
      "openssl",
      ["req", "-inform", "DER", "-in", join(dir, "req.der"), "-verify", "-noout", "-subject"],
      {
        encoding: "utf8",
      },
    );
    expect(`${req.stdout}${req.stderr}`).toContain("verify OK");
    expect(req.stdout).toContain("CN = Coll");
    const csr = new x509.Pkcs10CertificateRequest(Uint8Array.from(csrDer));
    expect(await csr.verify()).toBe(true);
    expect(Buffer.from(csr.publicKey.rawData)).toEqual(Buffer.from(key.publicKeySpki));

    // An outside CA answers the request with a certificate for the request's key.
    const outside = await testPki("external-ca");
    const issued = await certifySigningKey(outside.issuing, new Uint8Array(csr.publicKey.rawData), {
      ...subject,
      crlUrl: "http://127.0.0.1:9/crl/issuing.crl",
    });
    const inst = await makeInstitution(t.core);
    const wrong = await testIdentity("ECDSA-P256", "external-ca");
    await expect(
      activateHardwareKey(t.core, hsm, inst, { key: key.id, chainDer: wrong.chainDer }),
    ).rejects.toThrow(/is not for the key/);
    await expect(activateHardwareKey(t.core, hsm, inst, { key: "00ff" })).rejects.toMatchObject({
      code: "not_found",
    });
    const identity = await activateHardwareKey(t.core, hsm, inst, { key: key.id, chainDer: issued.chainDer });
    expect(identity.serialNumber).toBe(issued.serialNumber);
    expect(identity.algorithm).toBe("ECDSA-P256");
    const { bytes } = await signDocument(t.core, {
      institution: inst,
      pdf: await samplePdf(),
      title: "Externe",
    });
    const report = await verifyPdf(bytes, {
      trustAnchorsDer: [outside.root.certificateDer],
      now: new Date(),
    });
    expect(report.valid).toBe(true);
    expect(opensslCmsVerify(bytes, outside.root.certificatePem).ok).toBe(true);
    expect(pdfsig(bytes, nssDbTrusting(outside.root.certificatePem))).toContain("Signature is Valid.");
  });

  it("rotation puts a new key on the token; documents of the old key and of sealed identities still verify", async () => {
    const inst = await makeInstitution(t.core);
    const first = await issueSigningIdentity(t.core, inst, "RSA-2048");
    const before = await signDocument(t.core, { institution: inst, pdf: await samplePdf(), title: "Avant" });
    const second = await issueSigningIdentity(t.core, inst, "RSA-2048");
    expect(parseHardwareKeyReference(second.sealedKey)?.id).not.toBe(
      parseHardwareKeyReference(first.sealedKey)?.id,
    );
    const after = await signDocument(t.core, { institution: inst, pdf: await samplePdf(), title: "Après" });
    expect(after.document.signingIdentityId).toBe(second.id);
    expect((await verifyDocument(t.core, before.bytes)).valid).toBe(true);
    expect((await verifyDocument(t.core, after.bytes)).valid).toBe(true);

    // A PKCS#12 import keeps a sealed key, and still signs with it under SIGNING_KEYS=pkcs11.
    const imported = await testIdentity("RSA-2048", "external-ca");
    const other = await makeInstitution(t.core);
    const sealed = await importSigningIdentity(
      t.core,
      other,
      identityToPkcs12(imported, "pass phrase"),
      "pass phrase",
    );
    expect(parseHardwareKeyReference(sealed.sealedKey)).toBeNull();
    const { bytes } = await signDocument(t.core, {
      institution: other,
      pdf: await samplePdf(),
      title: "Scellé",
    });
    const outside = await testPki("external-ca");
    expect(
      (await verifyPdf(bytes, { trustAnchorsDer: [outside.root.certificateDer], now: new Date() })).valid,
    ).toBe(true);
  });
});
