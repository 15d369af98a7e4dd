import { hkdfSync, randomBytes } from "node:crypto";
import type { DataKeyStore } from "../db/data-key-store.ts";
import { openPrivateKey, sealPrivateKey } from "../pki/key-envelope.ts";

/** Gives each institution's 256-bit data key (the key its files are encrypted with). */
export interface InstitutionDataKeys {
  keyFor(institutionId: string): Promise<Buffer>;
}

const KEY_BYTES = 32;
const KEK_SALT = Buffer.from("sceau/institution-data-key/v1");

/**
 * Per-institution data keys: random 256-bit keys, stored wrapped in the database and unwrapped once
 * per process. Each is wrapped (the AES-256-GCM envelope of key-envelope.ts) under a key-encryption
 * key derived from the master key with HKDF-SHA-256 and the institution id, so a wrapped key copied
 * to another institution's row does not open.
 */
export function institutionDataKeys(masterKey: Buffer, store: DataKeyStore): InstitutionDataKeys {
  if (masterKey.length !== KEY_BYTES) throw new Error("the master key must be 32 bytes");
  const kekFor = (institutionId: string) =>
    Buffer.from(hkdfSync("sha256", masterKey, KEK_SALT, Buffer.from(institutionId, "utf8"), KEY_BYTES));
  const cache = new Map<string, Promise<Buffer>>();

  const load = async (institutionId: string): Promise<Buffer> => {
    const kek = kekFor(institutionId);
    try {
      let wrapped = await store.find(institutionId);
      if (!wrapped) {
        const fresh = randomBytes(KEY_BYTES);
        wrapped = await store.getOrCreate(institutionId, sealPrivateKey(kek, fresh));
        fresh.fill(0);
      }
      const key = openPrivateKey(kek, Buffer.from(wrapped));
      if (key.length !== KEY_BYTES)
        throw new Error(`institution ${institutionId}: the data key has a wrong size`);
      return key;
    } finally {
      kek.fill(0);
    }
  };

  return {
    keyFor(institutionId) {
      let key = cache.get(institutionId);
      if (!key) {
        key = load(institutionId);
        cache.set(institutionId, key);
        // A failure (database down) is not cached: the next call tries again.
        key.catch(() => cache.delete(institutionId));
      }
      return key;
    },
  };
}
