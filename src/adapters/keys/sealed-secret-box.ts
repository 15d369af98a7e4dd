import { hkdfSync } from "node:crypto";
import type { SecretBox } from "../../core/ports.ts";
import { openPrivateKey, sealPrivateKey } from "../pki/key-envelope.ts";

const KEY_BYTES = 32;
const SALT = Buffer.from("sceau/secret-box/v1");

/**
 * SecretBox over the key envelope (AES-256-GCM data key wrapped under a key-encryption key): the
 * key-encryption key is derived from the master key with HKDF-SHA-256 and the purpose, so a
 * secret sealed for one purpose does not open for another.
 */
export function sealedSecretBox(masterKey: Buffer): SecretBox {
  if (masterKey.length !== KEY_BYTES) throw new Error("the master key must be 32 bytes");
  const kekFor = (purpose: string) =>
    Buffer.from(hkdfSync("sha256", masterKey, SALT, Buffer.from(purpose, "utf8"), KEY_BYTES));
  return {
    seal(purpose, plaintext) {
      const kek = kekFor(purpose);
      try {
        return new Uint8Array(sealPrivateKey(kek, Buffer.from(plaintext, "utf8")));
      } finally {
        kek.fill(0);
      }
    },
    open(purpose, sealed) {
      const kek = kekFor(purpose);
      try {
        return openPrivateKey(kek, Buffer.from(sealed)).toString("utf8");
      } finally {
        kek.fill(0);
      }
    },
  };
}
