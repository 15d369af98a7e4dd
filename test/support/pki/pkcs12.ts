import { execFileSync } from "node:child_process";
import { createPrivateKey } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { certificatesToPem, type SigningIdentityMaterial } from "../../../src/adapters/pki/dev-pki.ts";
import { nssDbTrusting, tempDir } from "./pdf-tools.ts";

/** Exports an identity as PKCS#12 with the openssl command (OpenSSL 3 defaults: AES-256-CBC, PBKDF2). */
export function identityToPkcs12(
  id: SigningIdentityMaterial,
  password: string,
  options: { legacy?: boolean } = {},
): Buffer {
  const dir = tempDir("sceau-p12-");
  const keyPem = createPrivateKey({ key: id.privateKeyPkcs8, format: "der", type: "pkcs8" }).export({
    format: "pem",
    type: "pkcs8",
  });
  writeFileSync(join(dir, "key.pem"), keyPem);
  writeFileSync(join(dir, "leaf.pem"), id.certificatePem);
  writeFileSync(join(dir, "chain.pem"), certificatesToPem(id.chainDer.slice(1)));
  execFileSync("openssl", [
    "pkcs12",
    "-export",
    ...(options.legacy ? ["-legacy"] : []),
    "-in",
    join(dir, "leaf.pem"),
    "-inkey",
    join(dir, "key.pem"),
    "-certfile",
    join(dir, "chain.pem"),
    "-name",
    "signer",
    "-passout",
    `pass:${password}`,
    "-out",
    join(dir, "id.p12"),
  ]);
  return readFileSync(join(dir, "id.p12"));
}

/** An NSS database holding `p12` (nickname "signer") and trusting `rootPem`. */
export function nssDbWithKey(p12: Buffer, password: string, rootPem: string): string {
  const dir = nssDbTrusting(rootPem);
  writeFileSync(join(dir, "id.p12"), p12);
  execFileSync("pk12util", ["-i", join(dir, "id.p12"), "-d", `sql:${dir}`, "-W", password], {
    stdio: "pipe",
  });
  return dir;
}
