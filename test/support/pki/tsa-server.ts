import "reflect-metadata";
import { execFile } from "node:child_process";
import { createPrivateKey, webcrypto } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import * as x509 from "@peculiar/x509";
import type { CertificateAuthority } from "../../../src/adapters/pki/dev-pki.ts";
import { certificatesToPem } from "../../../src/adapters/pki/dev-pki.ts";
import { tempDir } from "./pdf-tools.ts";

const run = promisify(execFile);
const crypto = webcrypto as unknown as Crypto;

/** A real RFC 3161 TSA (`openssl ts -reply`) behind a loopback HTTP server. */
export interface TestTsa {
  url: string;
  /** The TSA certificate (extendedKeyUsage timeStamping, critical). */
  certificateDer: Uint8Array;
  requests: number;
  close(): Promise<void>;
}

/** Starts a TSA whose certificate is issued by `ca` (an ECDSA P-256 CA from the dev PKI). */
export async function startTestTsa(ca: CertificateAuthority): Promise<TestTsa> {
  const dir = tempDir("sceau-tsa-");
  const keys = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const caCert = new x509.X509Certificate(new Uint8Array(ca.certificateDer));
  const caKey = await crypto.subtle.importKey(
    "pkcs8",
    new Uint8Array(ca.privateKeyPkcs8),
    { name: "ECDSA", namedCurve: "P-256" },
    false,
    ["sign"],
  );
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: "0a1b2c3d",
      subject: [{ C: ["CA"] }, { O: ["Sceau Test"] }, { CN: ["Sceau Test TSA"] }],
      issuer: caCert.subjectName,
      notBefore: new Date(Date.now() - 86_400_000),
      notAfter: new Date(Date.now() + 365 * 86_400_000),
      publicKey: keys.publicKey,
      signingKey: caKey,
      signingAlgorithm: { name: "ECDSA", hash: "SHA-256" } as EcdsaParams,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.timeStamping], true),
      ],
    },
    crypto,
  );
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey("pkcs8", keys.privateKey));
  await writeFile(join(dir, "tsa.pem"), cert.toString("pem"));
  await writeFile(
    join(dir, "tsa.key"),
    createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" }).export({ format: "pem", type: "pkcs8" }),
  );
  await writeFile(join(dir, "chain.pem"), certificatesToPem(ca.chainDer));
  await writeFile(join(dir, "serial"), "01\n");
  await writeFile(
    join(dir, "ts.cnf"),
    `[ tsa ]\ndefault_tsa = tsa_config\n[ tsa_config ]\ndir = ${dir}\nserial = ${dir}/serial\ncrypto_device = builtin\nsigner_digest = sha256\ndefault_policy = 1.3.6.1.4.1.99999.1\ndigests = sha256, sha384, sha512\naccuracy = secs:1\nordering = yes\ntsa_name = yes\ness_cert_id_chain = no\ness_cert_id_alg = sha256\n`,
  );
  let requests = 0;
  let counter = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      requests++;
      const n = counter++;
      try {
        if (req.headers["content-type"] !== "application/timestamp-query")
          throw new Error("bad content type");
        await writeFile(join(dir, `q${n}.tsq`), Buffer.concat(chunks));
        await run("openssl", [
          "ts",
          "-reply",
          "-config",
          join(dir, "ts.cnf"),
          "-queryfile",
          join(dir, `q${n}.tsq`),
          "-signer",
          join(dir, "tsa.pem"),
          "-inkey",
          join(dir, "tsa.key"),
          "-chain",
          join(dir, "chain.pem"),
          "-out",
          join(dir, `r${n}.tsr`),
        ]);
        res.writeHead(200, { "content-type": "application/timestamp-reply" });
        res.end(await readFile(join(dir, `r${n}.tsr`)));
      } catch (e) {
        res.writeHead(500);
        res.end(String(e));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const tsa: TestTsa = {
    url: `http://127.0.0.1:${port}/tsa`,
    certificateDer: new Uint8Array(cert.rawData),
    get requests() {
      return requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return tsa;
}
