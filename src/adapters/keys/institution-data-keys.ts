import { hkdfSync, randomBytes } from "node:crypto";
import type { DataKeyStore } from "../db/data-key-store.ts";
import { openPrivateKey, sealPrivateKey } from "../pki/key-envelope.ts";

/** Gives each institution's 256-bit data key (the key its files are encrypted with). */
export interface InstitutionDataKeys {
  keyFor(institutionId: string): Promise<Buffer>;
}

const KEY_BYTES = 32;
const KEK_SALT = Buffer.from("sceau/institution-data-key/v1");

/** The key-encryption key of one institution's data key: HKDF-SHA-256 of the master key and its id. */
export const dataKeyKek = (masterKey: Buffer, institutionId: string) =>
  Buffer.from(hkdfSync("sha256", masterKey, KEK_SALT, Buffer.from(institutionId, "utf8"), KEY_BYTES));

/**
 * Per-institution data keys: random 256-bit keys, stored wrapped in the database and unwrapped once
 * per process. Each is wrapped (the AES-256-GCM envelope of key-envelope.ts) under a key-encryption
 * key derived from the master key with HKDF-SHA-256 and the institution id, so a wrapped key copied
 * to another institution's row does not open. Given several master keys (a rotation: the current
 * one first), new keys are wrapped under the first and stored ones open with any.
 */
export function institutionDataKeys(
  masterKey: Buffer | readonly Buffer[],
  store: DataKeyStore,
): InstitutionDataKeys {
  const keys = Buffer.isBuffer(masterKey) ? [masterKey] : [...masterKey];
  const current = keys[0];
  if (!current || keys.some((k) => k.length !== KEY_BYTES))
    throw new Error("the master key must be 32 bytes");
  const cache = new Map<string, Promise<Buffer>>();

  const load = async (institutionId: string): Promise<Buffer> => {
    const keks = keys.map((k) => dataKeyKek(k, institutionId));
    try {
      let wrapped = await store.find(institutionId);
      if (!wrapped) {
        const fresh = randomBytes(KEY_BYTES);
        wrapped = await store.getOrCreate(institutionId, sealPrivateKey(keks[0] as Buffer, fresh));
        fresh.fill(0);
      }
      const key = openPrivateKey(keks, Buffer.from(wrapped));
      if (key.length !== KEY_BYTES)
        throw new Error(`institution ${institutionId}: the data key has a wrong size`);
      return key;
    } finally {
      for (const kek of keks) kek.fill(0);
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
