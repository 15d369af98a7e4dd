import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nssDbTrusting, opensslCmsVerify, pdfsig } from "../support/pki/pdf-tools.ts";
import { type SoftHsmToken, softHsmToken } from "../support/pki/softhsm-token.ts";
import { samplePdf } from "../support/sample-pdf.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SCEAU = join(ROOT, "bin", "sceau");

describe("sceau pki hsm: institution keys on a PKCS#11 token (SoftHSM2)", () => {
  let dir: string;
  let token: SoftHsmToken;
  const outputs: string[] = [];
  const run = (env: Record<string, string>, ...args: string[]) => {
    const res = spawnSync(process.execPath, [SCEAU, ...args], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: dir,
        DATA_DIR: join(dir, "data"),
        LOG_LEVEL: "debug",
        ...env,
      },
      encoding: "utf8",
      timeout: 120_000,
    });
    outputs.push(res.stdout, res.stderr);
    return { code: res.status, out: res.stdout, err: res.stderr };
  };
  const hsm = (...args: string[]) => run(token.env, ...args);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sceau-hsm-cli-"));
    token = softHsmToken("Sceau CLI");
    writeFileSync(join(dir, "a.pdf"), await samplePdf({ title: "Document a" }));
    const seeded = hsm("demo", "seed");
    expect(seeded.code, seeded.err).toBe(0);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("generates a key on the token, writes its CSR, certifies it, signs with it and rotates", () => {
    const generated = hsm("pki", "hsm", "generate", "--institution", "demo", "--algorithm", "ECDSA-P256");
    expect(generated.code, generated.err).toBe(0);
    const id = /key ([0-9a-f]{32}) generated: pkcs11:token=Sceau%20CLI;id=/.exec(generated.out)?.[1];
    expect(id, generated.out).toBeDefined();
    const key = id ?? "";

    const listed = hsm("pki", "hsm", "list");
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).toMatch(new RegExp(`^${key}  ECDSA-P256  Sceau demo `, "m"));

    const csr = hsm("pki", "hsm", "csr", "--institution", "demo", "--key", key, "-o", "req.pem");
    expect(csr.code, csr.err).toBe(0);
    expect(readFileSync(join(dir, "req.pem"), "utf8")).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n/);
    const checked = spawnSync("openssl", ["req", "-in", join(dir, "req.pem"), "-verify", "-noout"], {
      encoding: "utf8",
    });
    expect(`${checked.stdout}${checked.stderr}`).toContain("verify OK");

    const certified = hsm("pki", "hsm", "certify", "--institution", "demo", "--key", key);
    expect(certified.code, certified.err).toBe(0);
    expect(certified.out).toMatch(/demo: new signing certificate [0-9a-f]+ \(key [0-9a-f]{32}\)/);

    expect(hsm("sign", "a.pdf", "-o", "signed.pdf").code).toBe(0);
    const verified = hsm("verify", "signed.pdf", "--json");
    expect(verified.code, verified.out).toBe(0);
    expect(JSON.parse(verified.out).signatures[0].signer.serialNumber).toBe(
      /certificate ([0-9a-f]+)/.exec(certified.out)?.[1],
    );
    expect(hsm("pki", "export-roots", "-o", "roots.pem").code).toBe(0);
    const roots = readFileSync(join(dir, "roots.pem"), "utf8");
    const pdf = new Uint8Array(readFileSync(join(dir, "signed.pdf")));
    expect(pdfsig(pdf, nssDbTrusting(roots))).toContain("Signature is Valid.");
    // The demo institution signs B-LTA: the institution's signature is the first, a document timestamp the last.
    expect(opensslCmsVerify(pdf, roots, 0).ok).toBe(true);

    const before = hsm("pki", "hsm", "list").out.trim().split("\n").length;
    const rotated = hsm("pki", "rotate", "--institution", "demo", "--algorithm", "RSA-2048");
    expect(rotated.code, rotated.err).toBe(0);
    const after = hsm("pki", "hsm", "list").out;
    expect(after.trim().split("\n")).toHaveLength(before + 1);
    expect(after).toMatch(/RSA-2048 {2}Sceau /);
    expect(hsm("sign", "a.pdf", "-o", "rotated.pdf").code).toBe(0);
    expect(hsm("verify", "signed.pdf", "rotated.pdf").code).toBe(0);
  }, 600_000);

  it("refuses unknown keys, a certificate for another key, and runs without an HSM configured", () => {
    const unknown = hsm("pki", "hsm", "certify", "--institution", "demo", "--key", "00ff");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("no such signing key on the token");
    const other = /key ([0-9a-f]{32})/.exec(hsm("pki", "hsm", "generate", "--institution", "demo").out)?.[1];
    expect(other).toBeDefined();
    const mismatch = hsm(
      "pki",
      "hsm",
      "install",
      "--institution",
      "demo",
      "--key",
      other ?? "",
      "--chain",
      "roots.pem",
    );
    expect(mismatch.code).toBe(1);
    expect(mismatch.err).toMatch(/is not for the key/);

    const plain = run({}, "pki", "hsm", "list");
    expect(plain.code).toBe(2);
    expect(plain.err).toContain("SIGNING_KEYS=pkcs11");
    const half = run({ SIGNING_KEYS: "pkcs11" }, "pki", "hsm", "list");
    expect(half.code).toBe(2);
    expect(half.err).toContain("PKCS11_MODULE: required with SIGNING_KEYS=pkcs11");
  }, 120_000);

  it("keeps its --help true, and never prints the PIN", () => {
    const help = hsm("pki", "hsm", "--help");
    expect(help.code).toBe(0);
    for (const command of ["generate", "list", "csr", "certify", "install"])
      expect(help.out).toContain(command);
    expect(hsm("pki", "rotate", "--help").out).toContain("generated on the HSM when SIGNING_KEYS=pkcs11");
    for (const text of outputs) expect(text).not.toContain(token.pin);
  });
});
