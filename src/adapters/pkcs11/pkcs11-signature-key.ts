import { createHash } from "node:crypto";
import pkcs11js from "pkcs11js";
import type { SignatureKey } from "../pdf/signature-key.ts";
import { ecdsaRawToDer } from "./ecdsa-raw-to-der.ts";
import { findPrivateKey } from "./pkcs11-key-pairs.ts";
import type { Handle, Pkcs11Token } from "./pkcs11-token.ts";

/**
 * Signs on the token with the private key of CKA_ID `id`: CKM_SHA256_RSA_PKCS for RSA (the token
 * hashes), CKM_ECDSA over the SHA-256 digest for P-256 (its r || s is re-encoded as DER). Each
 * signature takes a session of the pool; the key's handle is looked up once.
 */
export function pkcs11SignatureKey(
  token: () => Pkcs11Token,
  key: { id: string; type: "rsa" | "ec"; modulusBytes?: number },
): SignatureKey {
  let handle: Handle | null = null;
  const rsa = key.type === "rsa";
  const outLength = rsa ? (key.modulusBytes ?? 512) : 132;
  return {
    type: key.type,
    maxSignatureBytes: rsa ? (key.modulusBytes ?? 512) : 80,
    async sign(data) {
      const t = token();
      return t.withSession(async (session) => {
        handle ??= findPrivateKey(t, session, key.id);
        if (!handle) throw new Error(`PKCS#11: no private signing key with id ${key.id} on "${t.label}"`);
        const mechanism = { mechanism: rsa ? pkcs11js.CKM_SHA256_RSA_PKCS : pkcs11js.CKM_ECDSA };
        const input = rsa ? Buffer.from(data) : createHash("sha256").update(data).digest();
        t.pkcs11.C_SignInit(session, mechanism, handle);
        const signature = await t.pkcs11.C_SignAsync(session, input, Buffer.alloc(outLength));
        return rsa ? new Uint8Array(signature) : ecdsaRawToDer(signature);
      });
    },
  };
}
