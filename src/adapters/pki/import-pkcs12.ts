import { execFileSync } from "node:child_process";
import { createPrivateKey, createPublicKey, X509Certificate } from "node:crypto";
import * as pkijs from "pkijs";

/** A signing identity read from a PKCS#12 file. */
export interface ImportedIdentity {
  /** The certificate matching the private key first, then its issuers in order. */
  chainDer: Buffer[];
  /** The private key, PKCS#8 DER (seal it with `sealPrivateKey` before storing). */
  pkcs8: Buffer;
}

/** The PKCS#12 cannot be read (wrong password, no key, no matching certificate…). */
export class Pkcs12ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Pkcs12ImportError";
  }
}

const KEY_BAG = "1.2.840.113549.1.12.10.1.1";
const SHROUDED_KEY_BAG = "1.2.840.113549.1.12.10.1.2";
const CERT_BAG = "1.2.840.113549.1.12.10.1.3";

function utf8(s: string): ArrayBuffer {
  return new TextEncoder().encode(s).buffer as ArrayBuffer;
}

async function withPkijs(p12: Buffer, password: string): Promise<{ keys: Buffer[]; certs: Buffer[] }> {
  const pwd = utf8(password);
  const pfx = pkijs.PFX.fromBER(new Uint8Array(p12));
  await pfx.parseInternalValues({ password: pwd, checkIntegrity: true });
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new Pkcs12ImportError("no authenticated safe");
  await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password: pwd })) });
  const keys: Buffer[] = [];
  const certs: Buffer[] = [];
  for (const contents of safe.parsedValue?.safeContents ?? []) {
    for (const bag of contents.value.safeBags) {
      if (bag.bagId === SHROUDED_KEY_BAG) {
        const v = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        await (
          v as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }
        ).parseInternalValues({ password: pwd });
        if (v.parsedValue) keys.push(Buffer.from(v.parsedValue.toSchema().toBER(false)));
      } else if (bag.bagId === KEY_BAG) {
        keys.push(Buffer.from((bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER(false)));
      } else if (bag.bagId === CERT_BAG) {
        const c = (bag.bagValue as pkijs.CertBag).parsedValue;
        if (c instanceof pkijs.Certificate) certs.push(Buffer.from(c.toSchema().toBER(false)));
      }
    }
  }
  return { keys, certs };
}

/** Legacy encryptions (RC2, 3DES) that pkijs does not implement: ask the openssl command. */
function withOpenssl(p12: Buffer, password: string): { keys: Buffer[]; certs: Buffer[] } {
  const env = { ...process.env, SCEAU_P12_PASS: password };
  const run = (args: string[]) =>
    execFileSync("openssl", ["pkcs12", "-passin", "env:SCEAU_P12_PASS", ...args], {
      input: p12,
      env,
      stdio: ["pipe", "pipe", "pipe"],
    }).toString();
  let pem: string;
  try {
    pem = run(["-nodes"]);
  } catch {
    pem = run(["-nodes", "-legacy"]);
  }
  const blocks = [...pem.matchAll(/-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/g)];
  const keys = blocks
    .filter((b) => b[1]?.includes("PRIVATE KEY"))
    .map((b) => createPrivateKey(b[0]).export({ format: "der", type: "pkcs8" }));
  const certs = blocks
    .filter((b) => b[1] === "CERTIFICATE")
    .map((b) => Buffer.from(b[2]?.replace(/\s/g, "") ?? "", "base64"));
  return { keys, certs };
}

/** Reads a PKCS#12 (.p12/.pfx): the private key and the certificate chain ordered leaf first. */
export async function importPkcs12(p12: Buffer, password: string): Promise<ImportedIdentity> {
  let found: { keys: Buffer[]; certs: Buffer[] };
  try {
    found = await withPkijs(p12, password);
  } catch (e) {
    try {
      found = withOpenssl(p12, password);
    } catch {
      throw new Pkcs12ImportError(`the PKCS#12 cannot be opened: ${(e as Error).message}`);
    }
  }
  const pkcs8 = found.keys[0];
  if (!pkcs8 || found.keys.length !== 1) throw new Pkcs12ImportError("expected exactly one private key");
  const spki = createPublicKey(createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" })).export({
    format: "der",
    type: "spki",
  });
  const certs = found.certs.map((der) => ({ der, x: new X509Certificate(der) }));
  const leaf = certs.find((c) =>
    (c.x.publicKey.export({ format: "der", type: "spki" }) as Buffer).equals(spki),
  );
  if (!leaf) throw new Pkcs12ImportError("no certificate matches the private key");
  const chain = [leaf];
  for (let cur = leaf; chain.length < 10; ) {
    if (cur.x.issuer === cur.x.subject) break;
    const next = certs.find(
      (c) => !chain.includes(c) && cur.x.checkIssued(c.x) && cur.x.verify(c.x.publicKey),
    );
    if (!next) break;
    chain.push(next);
    cur = next;
  }
  return { chainDer: chain.map((c) => c.der), pkcs8 };
}
