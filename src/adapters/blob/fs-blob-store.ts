import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { access, mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { DomainError } from "../../core/errors.ts";
import { UUID_PATTERN } from "../../core/ids.ts";
import type { BlobStore } from "../../core/ports.ts";
import type { InstitutionDataKeys } from "../keys/institution-data-keys.ts";

/** What the store reports when a file on disk fails its checks (it is never served). */
export interface CorruptBlob {
  institutionId: string;
  sha256: string;
  path: string;
  reason: string;
}

// File format, version 1: "SCB" 0x01 | nonce(12) | tag(16) | AES-256-GCM ciphertext.
// The AAD binds the header, the institution id and the SHA-256 of the clear bytes, so a file
// moved to another institution's folder or renamed to another hash does not open.
const MAGIC = Buffer.from("SCB\u0001", "latin1");
const NONCE = 12;
const TAG = 16;
const HEADER = MAGIC.length + NONCE + TAG;
const SHA256_HEX = /^[0-9a-f]{64}$/;

const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const aad = (institutionId: string, sha256: string) =>
  Buffer.concat([Buffer.from("sceau/blob/"), MAGIC, Buffer.from(`${institutionId}/${sha256}`, "utf8")]);

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Document files under `dir/<institutionId>/<sha256[0..2]>/<sha256>`, encrypted with the
 * institution's data key (AES-256-GCM, a random 96-bit nonce per file). Writes are atomic (a
 * temporary file renamed into place) and idempotent; every read authenticates and re-hashes.
 */
export function fsBlobStore(
  dir: string,
  keys: InstitutionDataKeys,
  options: { onCorrupt?: (blob: CorruptBlob) => void } = {},
): BlobStore {
  // One folder per institution: its id in lower case only.
  const pathOf = (institutionId: string, sha256: string): string | null =>
    UUID_PATTERN.test(institutionId) &&
    institutionId === institutionId.toLowerCase() &&
    SHA256_HEX.test(sha256)
      ? join(dir, institutionId, sha256.slice(0, 2), sha256)
      : null;

  const corrupt = (institutionId: string, sha256: string, path: string, reason: string): DomainError => {
    options.onCorrupt?.({ institutionId, sha256, path, reason });
    return new DomainError("blob_corrupt");
  };

  return {
    async put(institutionId, bytes) {
      const sha256 = sha256Hex(bytes);
      const path = pathOf(institutionId, sha256);
      if (!path) throw new Error(`not an institution id: ${institutionId}`);
      if (await exists(path)) return sha256;
      const key = await keys.keyFor(institutionId);
      const nonce = randomBytes(NONCE);
      const cipher = createCipheriv("aes-256-gcm", key, nonce);
      cipher.setAAD(aad(institutionId, sha256));
      const ciphertext = Buffer.concat([cipher.update(bytes), cipher.final()]);
      const folder = join(dir, institutionId, sha256.slice(0, 2));
      await mkdir(folder, { recursive: true });
      const temp = join(folder, `.${sha256}.${randomBytes(6).toString("hex")}.tmp`);
      const file = await open(temp, "wx", 0o600);
      try {
        await file.writeFile(Buffer.concat([MAGIC, nonce, cipher.getAuthTag(), ciphertext]));
        await file.sync();
      } catch (e) {
        await file.close();
        await rm(temp, { force: true });
        throw e;
      }
      await file.close();
      // Two writers of the same bytes both rename a complete file into place: either one is valid.
      await rename(temp, path);
      return sha256;
    },

    async get(institutionId, sha256) {
      const path = pathOf(institutionId, sha256);
      if (!path) throw new DomainError("blob_missing");
      let stored: Buffer;
      try {
        stored = await readFile(path);
      } catch (e) {
        if ((e as { code?: string }).code === "ENOENT") throw new DomainError("blob_missing");
        throw e;
      }
      if (stored.length < HEADER || !stored.subarray(0, MAGIC.length).equals(MAGIC))
        throw corrupt(institutionId, sha256, path, "unknown header or truncated file");
      const key = await keys.keyFor(institutionId);
      let clear: Buffer;
      try {
        const decipher = createDecipheriv(
          "aes-256-gcm",
          key,
          stored.subarray(MAGIC.length, MAGIC.length + NONCE),
        );
        decipher.setAAD(aad(institutionId, sha256));
        decipher.setAuthTag(stored.subarray(MAGIC.length + NONCE, HEADER));
        clear = Buffer.concat([decipher.update(stored.subarray(HEADER)), decipher.final()]);
      } catch {
        throw corrupt(institutionId, sha256, path, "authentication failed (altered, moved or renamed file)");
      }
      if (sha256Hex(clear) !== sha256) throw corrupt(institutionId, sha256, path, "SHA-256 mismatch");
      return new Uint8Array(clear.buffer, clear.byteOffset, clear.byteLength);
    },

    async has(institutionId, sha256) {
      const path = pathOf(institutionId, sha256);
      return path ? exists(path) : false;
    },

    async delete(institutionId, sha256) {
      const path = pathOf(institutionId, sha256);
      if (path) await rm(path, { force: true });
    },
  };
}
