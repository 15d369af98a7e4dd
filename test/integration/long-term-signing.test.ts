import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificatesToPem } from "../../src/adapters/pki/dev-pki.ts";
import { ocspRequest } from "../../src/adapters/pki/fetch-revocation-data.ts";
import { appendDss } from "../../src/core/signing/append-dss.ts";
import { findPortalPki } from "../../src/core/signing/ensure-portal-pki.ts";
import { TSA_PATH } from "../../src/core/signing/pki-paths.ts";
import { portalServicesFetch } from "../../src/core/signing/portal-services-fetch.ts";
import { renewArchiveTimestamps } from "../../src/core/signing/renew-archive-timestamps.ts";
import { signDocument } from "../../src/core/signing/sign-document.ts";
import type { SignatureLevel } from "../../src/core/signing/signing.types.ts";
import { PdfFile } from "../../src/core/verification/pdf/pdf-file.ts";
import { isStream } from "../../src/core/verification/pdf/pdf-values.ts";
import { verifyDocument } from "../../src/core/verification/verify-document.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution } from "../support/factories.ts";
import {
  extractSignature,
  freePort,
  nssDbTrusting,
  opensslCmsVerify,
  pdfsigLive,
  tempDir,
} from "../support/pki/pdf-tools.ts";
import { samplePdf } from "../support/sample-pdf.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

/** openssl without blocking this process (it may call the portal this test runs); stdout and stderr together. */
const openssl = (cwd: string, ...args: string[]) =>
  new Promise<string>((resolve) => {
    execFile("openssl", args, { cwd, encoding: "utf8", timeout: 20_000 }, (_e, out, err) =>
      resolve(`${out}${err}`),
    );
  });

/** The DSS of a file: its certificates, OCSP responses and CRLs (DER) and its VRI keys. */
async function readDss(pdf: Uint8Array) {
  const file = await PdfFile.open(pdf);
  const dss = await file.resolveDict((await file.catalog())?.map.get("DSS"));
  const list = async (key: string) => {
    const items = await file.resolve(dss?.map.get(key));
    const out: Uint8Array[] = [];
    for (const item of Array.isArray(items) ? items : []) {
      const s = await file.resolve(item);
      if (isStream(s)) out.push(await file.decode(s));
    }
    return out;
  };
  const vri = await file.resolveDict(dss?.map.get("VRI"));
  return {
    certs: await list("Certs"),
    ocsps: await list("OCSPs"),
    crls: await list("CRLs"),
    vri: [...(vri?.map.keys() ?? [])],
  };
}

/** The /Contents strings (padding included) of every signature dictionary, in file order. */
async function signatureContents(pdf: Uint8Array): Promise<Uint8Array[]> {
  const text = Buffer.from(pdf).toString("latin1");
  const out: Uint8Array[] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*\d+\s+(\d+)\s+(\d+)/g))
    out.push(Buffer.from(text.slice(Number(m[1]) + 1, Number(m[2]) - 1), "hex"));
  return out;
}

describe("PAdES B-LT and B-LTA signing with the built-in TSA and revocation services", () => {
  let t: TestApp;
  let dir: string;
  let rootPem: string;
  let issuingPem: string;
  const signed = new Map<SignatureLevel, Uint8Array>();

  beforeAll(async () => {
    // The portal listens at its PUBLIC_URL: pdfsig (NSS) asks the OCSP responder its certificates name.
    const port = await freePort();
    t = await startTestApp("postgres", { env: { PUBLIC_URL: `http://127.0.0.1:${port}` } });
    await t.app.listen({ port, host: "127.0.0.1" });
    dir = tempDir("sceau-ltv-");
    const made = await makeInstitution(t.core);
    const institution = await t.core.stores.institutions.update(made.id, {
      tsaUrl: `${t.core.settings.publicUrl}${TSA_PATH}`,
    });
    if (!institution) throw new Error("institution vanished");
    const pdf = await samplePdf();
    for (const level of ["B-B", "B-T", "B-LT", "B-LTA"] as const)
      signed.set(level, (await signDocument(t.core, { institution, pdf, title: level, level })).bytes);
    // With a TSA and no level set, the institution signs B-LTA.
    signed.set("B-LTA", (await signDocument(t.core, { institution, pdf, title: "default" })).bytes);
    const pki = await findPortalPki(t.core);
    if (!pki) throw new Error("no PKI");
    rootPem = certificatesToPem([pki.root.certificateDer]);
    issuingPem = certificatesToPem([pki.issuing.certificateDer]);
    writeFileSync(join(dir, "root.pem"), rootPem);
    writeFileSync(join(dir, "issuing.pem"), issuingPem);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it("B-LT: a DSS with OCSP data for every certificate of both chains, the signature's VRI entry; pdfsig and OpenSSL accept the signature", async () => {
    const bytes = signed.get("B-LT") as Uint8Array;
    const contents = await signatureContents(bytes);
    expect(contents).toHaveLength(1);
    const dss = await readDss(bytes);
    // Signer, issuing CA, root, the TSA, and the delegated OCSP signers of the issuing CA and the root.
    expect(dss.certs.length).toBeGreaterThanOrEqual(6);
    expect(dss.vri).toEqual([
      createHash("sha1")
        .update(contents[0] as Uint8Array)
        .digest("hex")
        .toUpperCase(),
    ]);
    // Each certificate below the root has an OCSP answer in the DSS that OpenSSL verifies as "good".
    const pems = dss.certs.map((c) => certificatesToPem([c]));
    const below = pems.filter((p) => p !== rootPem);
    let good = 0;
    for (const [i, pem] of below.entries()) {
      writeFileSync(join(dir, `cert${i}.pem`), pem);
      for (const [j, ocsp] of dss.ocsps.entries()) {
        writeFileSync(join(dir, `ocsp${j}.der`), ocsp);
        for (const issuer of ["root.pem", "issuing.pem"]) {
          const out = await openssl(
            dir,
            "ocsp",
            "-respin",
            `ocsp${j}.der`,
            "-issuer",
            issuer,
            "-cert",
            `cert${i}.pem`,
            "-CAfile",
            "root.pem",
            "-no_nonce",
          );
          if (out.includes("Response verify OK") && out.includes(`cert${i}.pem: good`)) good++;
        }
      }
    }
    // The signer, the issuing CA and the TSA (the OCSP signers carry ocsp-nocheck: no answer for them).
    expect(dss.ocsps).toHaveLength(3);
    expect(good).toBe(3);
    const poppler = await pdfsigLive(bytes, nssDbTrusting(rootPem));
    expect(poppler).toContain("Signature is Valid.");
    expect(poppler).toContain("Certificate is Trusted.");
    expect(opensslCmsVerify(bytes, rootPem, 0).ok).toBe(true);
    expect((await verifyDocument(t.core, bytes)).valid).toBe(true);
  });

  it("B-LTA: the last revision is a document timestamp over the whole file, which openssl ts verifies; the signature stays valid", async () => {
    const bytes = signed.get("B-LTA") as Uint8Array;
    const text = Buffer.from(bytes).toString("latin1");
    const last = text.lastIndexOf("/ByteRange");
    expect(text.lastIndexOf("/DocTimeStamp")).toBeGreaterThan(text.lastIndexOf("/Type /Sig "));
    expect(text.slice(text.lastIndexOf("<<", last), last)).toContain("/SubFilter /ETSI.RFC3161");
    const { cms, signed: covered } = extractSignature(bytes, -1);
    writeFileSync(join(dir, "token.der"), cms);
    writeFileSync(join(dir, "covered.bin"), covered);
    const verified = await openssl(
      dir,
      "ts",
      "-verify",
      "-data",
      "covered.bin",
      "-in",
      "token.der",
      "-token_in",
      "-CAfile",
      "root.pem",
      "-untrusted",
      "issuing.pem",
    );
    expect(verified).toContain("Verification: OK");
    // The document timestamp covers the DSS: it comes before it in the file.
    expect(text.indexOf("/Type /DSS")).toBeLessThan(last);
    const dss = await readDss(bytes);
    expect(dss.ocsps.length).toBeGreaterThanOrEqual(3);
    const poppler = await pdfsigLive(bytes, nssDbTrusting(rootPem));
    expect(poppler).toContain("Signature is Valid.");
    expect(poppler).toContain("Certificate is Trusted.");
    expect(opensslCmsVerify(bytes, rootPem, 0).ok).toBe(true);
    const report = await verifyDocument(t.core, bytes);
    expect(report.valid).toBe(true);
    expect(report.signatures.map((s) => s.kind)).toEqual(["signature", "document_timestamp"]);
    // B-T and B-B files carry no DSS.
    expect((await readDss(signed.get("B-T") as Uint8Array)).certs).toHaveLength(0);
    expect((await readDss(signed.get("B-B") as Uint8Array)).certs).toHaveLength(0);
  });

  it("renews the archive timestamp of stored B-LTA documents before their TSA certificate expires (sceau ltv refresh's job)", async () => {
    const made = await makeInstitution(t.core);
    const institution = await t.core.stores.institutions.update(made.id, {
      tsaUrl: `${t.core.settings.publicUrl}${TSA_PATH}`,
    });
    if (!institution) throw new Error("institution vanished");
    const learner = await makeLearner(t.core, institution);
    const type = await makeDocumentType(t.core, institution);
    const { document, bytes: first } = await makeDocument(t.core, institution, { learner, type });
    const [row] = await t.core.stores.archive
      .listDue(new Date("9999-01-01"), 1000)
      .then((due) => due.filter((d) => d.id === document.id));
    expect(row?.archiveUntil.getTime()).toBeGreaterThan(Date.now() + 4 * 365 * 86_400_000);
    const who = { actorUserId: null, actorLabel: "test", ip: null };
    // Not due yet: nothing changes.
    expect((await renewArchiveTimestamps(t.core, { who })).renewed).toEqual([]);
    // Half a year before the TSA certificate expires (the margin is a year): due.
    t.clock.advance((row?.archiveUntil.getTime() ?? 0) - t.clock.now().getTime() - 180 * 86_400_000);
    const dry = await renewArchiveTimestamps(t.core, { who, dryRun: true });
    expect(dry.due).toBeGreaterThanOrEqual(1);
    expect(dry.renewed).toEqual([]);
    const report = await renewArchiveTimestamps(t.core, { who });
    const mine = report.renewed.find((r) => r.id === document.id);
    expect(report.failed.filter((f) => f.id === document.id)).toEqual([]);
    expect(new Date(mine?.archiveUntil ?? 0).getTime()).toBeGreaterThan(row?.archiveUntil.getTime() ?? 0);
    const renewed = await t.core.stores.documents.findById(document.id);
    expect(renewed?.sha256).not.toBe(document.sha256);
    const second = await t.core.blobs.get(institution.id, renewed?.sha256 ?? "");
    // The renewal is appended: the first file is a prefix of the new one, which ends with a second document timestamp.
    expect(Buffer.from(second.subarray(0, first.length)).equals(Buffer.from(first))).toBe(true);
    expect(await signatureContents(second)).toHaveLength(3);
    const now = await verifyDocument(t.core, second);
    expect(now.valid).toBe(true);
    expect(now.document.status?.status).toBe("active");
    // Whoever holds the earlier copy still has the document issued; a copy extended by someone else does not.
    expect((await verifyDocument(t.core, first)).document.status?.status).toBe("active");
    const extended = await appendDss(first, { certificates: [] });
    expect((await verifyDocument(t.core, extended)).document.status?.status).toBe("unknown");
    const events = await t.core.stores.audit.list({
      institutionId: institution.id,
      action: "document.archive_renewed",
      limit: 10,
    });
    expect(events.map((e) => e.targetId)).toEqual([document.id]);
    // Renewed: not due again within the margin.
    expect((await renewArchiveTimestamps(t.core, { who })).renewed.map((r) => r.id)).not.toContain(
      document.id,
    );
  });

  it("answers the portal's own PKI services in process, and hands any other URL to the network", async () => {
    const handed: string[] = [];
    const fallback = (async (input: RequestInfo | URL) => {
      handed.push(String(input));
      return new Response(null, { status: 599 });
    }) as typeof fetch;
    const local = portalServicesFetch(t.core.settings.publicUrl, () => t.core, fallback);
    const pki = await findPortalPki(t.core);
    for (const [path, type] of [
      ["/pki/issuing-ca.crl", "application/pkix-crl"],
      ["/pki/root-ca.crl", "application/pkix-crl"],
    ] as const) {
      const res = await local(`${t.core.settings.publicUrl}${path}`);
      expect([res.status, res.headers.get("content-type")]).toEqual([200, type]);
      writeFileSync(join(dir, "local.crl"), new Uint8Array(await res.arrayBuffer()));
      expect(await openssl(dir, "crl", "-inform", "DER", "-in", "local.crl", "-noout", "-issuer")).toContain(
        path.includes("root") ? "Root" : "Issuing",
      );
    }
    const ocsp = await local(`${t.core.settings.publicUrl}/pki/ocsp`, {
      method: "POST",
      body: Buffer.from(
        ocspRequest(
          pki?.issuing.certificateDer ?? new Uint8Array(),
          pki?.root.certificateDer ?? new Uint8Array(),
          new Uint8Array(8),
        ),
      ),
    });
    expect(ocsp.headers.get("content-type")).toBe("application/ocsp-response");
    expect(handed).toEqual([]);
    expect((await local("http://127.0.0.1:9/elsewhere")).status).toBe(599);
    expect((await local(`${t.core.settings.publicUrl}/pki/roots.pem`)).status).toBe(599);
    expect(handed).toEqual(["http://127.0.0.1:9/elsewhere", `${t.core.settings.publicUrl}/pki/roots.pem`]);
  });

  it("refuses B-T and above without a timestamp authority, and explains it in both languages", async () => {
    const bare = await makeInstitution(t.core);
    await expect(
      signDocument(t.core, { institution: bare, pdf: await samplePdf(), title: "x", level: "B-LTA" }),
    ).rejects.toMatchObject({ code: "tsa_required" });
    const unreachable = await t.core.stores.institutions.update(bare.id, {
      tsaUrl: `http://127.0.0.1:${await freePort()}/tsa`,
    });
    if (!unreachable) throw new Error("institution vanished");
    await expect(
      signDocument(t.core, { institution: unreachable, pdf: await samplePdf(), title: "x", level: "B-LT" }),
    ).rejects.toMatchObject({ code: "validation_data_unavailable" });
    // Nothing was recorded for the refused signatures.
    const listed = await t.core.stores.documents.list({
      institutionId: bare.id,
      q: "",
      after: null,
      limit: 10,
    });
    expect(listed.rows).toHaveLength(0);
  });
});
