import { constants, createHash, createPublicKey, type KeyObject, verify } from "node:crypto";
import type { SignatureScheme, VerifierCrypto } from "../../core/verification/signature-algorithms.ts";

const HASH: Record<string, string> = {
  "SHA-1": "sha1",
  "SHA-256": "sha256",
  "SHA-384": "sha384",
  "SHA-512": "sha512",
};

/**
 * The verifier's crypto port on node:crypto: synchronous digests and signature checks (no thread
 * pool round trips), public keys parsed once and kept in a bounded map owned by this instance.
 * Create one per process and pass it as `ctx.crypto` to `verifyPdf`.
 */
export function nodeVerifierCrypto(maxKeys = 1_000): VerifierCrypto {
  const keys = new Map<string, KeyObject>();
  const keyOf = (spki: Uint8Array): KeyObject => {
    const k = Buffer.from(spki).toString("base64");
    let key = keys.get(k);
    if (!key) {
      key = createPublicKey({ key: Buffer.from(spki), format: "der", type: "spki" });
      if (keys.size >= maxKeys) keys.clear();
      keys.set(k, key);
    }
    return key;
  };
  return {
    async digest(hash, data) {
      return createHash(HASH[hash] ?? "sha256")
        .update(data)
        .digest();
    },
    async verify(spki: Uint8Array, scheme: SignatureScheme, data: Uint8Array, signature: Uint8Array) {
      try {
        const key = keyOf(spki);
        const options =
          scheme.name === "ECDSA"
            ? { key, dsaEncoding: "der" as const }
            : scheme.name === "RSA-PSS"
              ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: scheme.saltLength ?? 20 }
              : { key, padding: constants.RSA_PKCS1_PADDING };
        return verify(HASH[scheme.hash] ?? "sha256", data, options, signature);
      } catch {
        return false;
      }
    },
  };
}
