import { execFile, execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as asn1js from "asn1js";

/** A fresh temporary directory. */
export function tempDir(prefix = "sceau-sign-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** An NSS database trusting `rootPem` (certutil), for pdfsig. */
export function nssDbTrusting(rootPem: string): string {
  const dir = tempDir("sceau-nss-");
  writeFileSync(join(dir, "root.pem"), rootPem);
  execFileSync("certutil", ["-N", "--empty-password", "-d", `sql:${dir}`]);
  execFileSync("certutil", [
    "-A",
    "-n",
    "root",
    "-t",
    "CT,C,C",
    "-i",
    join(dir, "root.pem"),
    "-d",
    `sql:${dir}`,
  ]);
  return dir;
}

/** pdfsig's report for `pdf` (pdfsig always exits 0: the text is the result). No `-no-ocsp`: poppler 22.12 then reports "Unknown issue" for every certificate; our certificates carry no OCSP URL anyway. */
export function pdfsig(pdf: Uint8Array, nssDir: string): string {
  const file = join(tempDir(), "doc.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdfsig", ["-nssdir", `sql:${nssDir}`, file], { encoding: "utf8" });
}

/**
 * pdfsig without blocking this process: NSS asks the OCSP responder named in the certificate's
 * AIA, which may be the portal the test runs in this process. Resolves to stdout and stderr.
 */
export function pdfsigLive(pdf: Uint8Array, nssDir: string): Promise<string> {
  const file = join(tempDir(), "doc.pdf");
  writeFileSync(file, pdf);
  return new Promise((resolve) => {
    execFile(
      "pdfsig",
      ["-nssdir", `sql:${nssDir}`, file],
      { encoding: "utf8", timeout: 30_000 },
      (_e, out, err) => resolve(`${out}${err}`),
    );
  });
}

/** A free TCP port on 127.0.0.1, for a test app that must listen (its PUBLIC_URL goes into certificates). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The last signature's CMS (DER, padding removed) and the bytes its /ByteRange covers. */
export const extractLastSignature = (pdf: Uint8Array) => extractSignature(pdf, -1);

/**
 * The CMS (DER, padding removed) and covered bytes of the signature (or document timestamp) at
 * `index` in file order; a negative index counts from the last (-1).
 */
export function extractSignature(pdf: Uint8Array, index: number): { cms: Buffer; signed: Buffer } {
  const text = Buffer.from(pdf).toString("latin1");
  const all = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const m = all.at(index);
  if (!m) throw new Error("no /ByteRange");
  const [a, b, c, d] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  const hex = text.slice(b + 1, c - 1);
  const raw = Buffer.from(hex, "hex");
  // length of the outer (DER, or BER as NSS writes) SEQUENCE, to drop the zero padding
  const len = asn1js.fromBER(raw).offset;
  return {
    cms: raw.subarray(0, len),
    signed: Buffer.concat([Buffer.from(pdf.subarray(a, a + b)), Buffer.from(pdf.subarray(c, c + d))]),
  };
}

/** Runs `openssl cms -verify` on a signature (default: the last) with `rootPem` as the only CA. */
export function opensslCmsVerify(
  pdf: Uint8Array,
  rootPem: string,
  index = -1,
): { ok: boolean; output: string } {
  const dir = tempDir();
  const { cms, signed } = extractSignature(pdf, index);
  writeFileSync(join(dir, "sig.der"), cms);
  writeFileSync(join(dir, "content.bin"), signed);
  writeFileSync(join(dir, "root.pem"), rootPem);
  const r = spawnSync(
    "openssl",
    [
      "cms",
      "-verify",
      "-binary",
      "-inform",
      "DER",
      "-in",
      join(dir, "sig.der"),
      "-content",
      join(dir, "content.bin"),
      "-CAfile",
      join(dir, "root.pem"),
      "-purpose",
      "any",
      "-out",
      "/dev/null",
    ],
    { encoding: "utf8" },
  );
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/**
 * Appends a hand-written incremental update: `objects` (number → body, written as `n 0 obj`),
 * a classic xref section and a trailer copying /Root, /Info, /Size from `trailer`, with /Prev.
 */
export function appendUpdate(pdf: Uint8Array, objects: Record<number, string>, trailer: string): Uint8Array {
  const text = Buffer.from(pdf).toString("latin1");
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  let out = text.endsWith("\n") ? "" : "\n";
  const offsets: [number, number][] = [];
  for (const [num, body] of Object.entries(objects)) {
    offsets.push([Number(num), pdf.length + out.length]);
    out += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xrefAt = pdf.length + out.length;
  out += "xref\n";
  for (const [num, off] of offsets) out += `${num} 1\n${String(off).padStart(10, "0")} 00000 n\r\n`;
  out += `trailer\n<< ${trailer} /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(pdf), Buffer.from(out, "latin1")]);
}
