import { hkdfSync } from "node:crypto";
import type { SecretBox } from "../../core/ports.ts";
import { openPrivateKey, sealPrivateKey } from "../pki/key-envelope.ts";

const KEY_BYTES = 32;
const SALT = Buffer.from("sceau/secret-box/v1");

/** The key-encryption key of one purpose: HKDF-SHA-256 of the master key, with the purpose as info. */
export const secretBoxKek = (masterKey: Buffer, purpose: string) =>
  Buffer.from(hkdfSync("sha256", masterKey, SALT, Buffer.from(purpose, "utf8"), KEY_BYTES));

/**
 * SecretBox over the key envelope (AES-256-GCM data key wrapped under a key-encryption key): the
 * key-encryption key is derived from the master key with HKDF-SHA-256 and the purpose, so a
 * secret sealed for one purpose does not open for another. Given several master keys (a rotation:
 * the current one first, then the previous ones), it seals under the first and opens with any.
 */
export function sealedSecretBox(masterKey: Buffer | readonly Buffer[]): SecretBox {
  const keys = Buffer.isBuffer(masterKey) ? [masterKey] : [...masterKey];
  const current = keys[0];
  if (!current || keys.some((k) => k.length !== KEY_BYTES))
    throw new Error("the master key must be 32 bytes");
  return {
    seal(purpose, plaintext) {
      const kek = secretBoxKek(current, purpose);
      try {
        return new Uint8Array(sealPrivateKey(kek, Buffer.from(plaintext, "utf8")));
      } finally {
        kek.fill(0);
      }
    },
    open(purpose, sealed) {
      const keks = keys.map((k) => secretBoxKek(k, purpose));
      try {
        return openPrivateKey(keks, Buffer.from(sealed)).toString("utf8");
      } finally {
        for (const kek of keks) kek.fill(0);
      }
    },
  };
}
