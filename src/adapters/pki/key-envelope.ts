import { createCipheriv, createDecipheriv, createPrivateKey, type KeyObject, randomBytes } from "node:crypto";

export { type ImportedIdentity, importPkcs12, Pkcs12ImportError } from "./import-pkcs12.ts";

/** The sealed key cannot be opened: wrong master key, unknown version, or tampered bytes. */
export class KeyEnvelopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyEnvelopeError";
  }
}

const VERSION = 1;
const IV = 12;
const TAG = 16;
const KEY = 32;
const WRAP_AAD = Buffer.from("sceau/key-envelope/v1/data-key");
const DATA_AAD = Buffer.from("sceau/key-envelope/v1/private-key");
const HEADER = 1 + IV + KEY + TAG + IV + TAG;

function seal(key: Buffer, iv: Buffer, plain: Buffer, aad: Buffer): { ct: Buffer; tag: Buffer } {
  const c = createCipheriv("aes-256-gcm", key, iv);
  c.setAAD(aad);
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return { ct, tag: c.getAuthTag() };
}

function open(key: Buffer, iv: Buffer, ct: Buffer, tag: Buffer, aad: Buffer): Buffer {
  const d = createDecipheriv("aes-256-gcm", key, iv);
  d.setAAD(aad);
  d.setAuthTag(tag);
  return Buffer.concat([d.update(ct), d.final()]);
}

/** The master key new envelopes are sealed under: the current one, first of a rotation's keys. */
export function currentMasterKey(masterKeys: Buffer | readonly Buffer[]): Buffer {
  const key = Buffer.isBuffer(masterKeys) ? masterKeys : masterKeys[0];
  if (!key || key.length !== KEY) throw new KeyEnvelopeError("the master key must be 32 bytes");
  return key;
}

/**
 * Envelope-encrypts a PKCS#8 private key: a fresh random 256-bit data key encrypts it with
 * AES-256-GCM, and the data key is wrapped with AES-256-GCM under `masterKey`.
 * Format (version 1): `01 | wrapIV(12) | wrappedKey(32) | wrapTag(16) | dataIV(12) | dataTag(16) | ciphertext`.
 * The version byte is authenticated with both layers; any change is detected on opening.
 */
export function sealPrivateKey(masterKey: Buffer, pkcs8: Buffer): Buffer {
  if (masterKey.length !== KEY) throw new KeyEnvelopeError("the master key must be 32 bytes");
  const dataKey = randomBytes(KEY);
  const wrapIv = randomBytes(IV);
  const dataIv = randomBytes(IV);
  const version = Buffer.of(VERSION);
  const wrapped = seal(masterKey, wrapIv, dataKey, Buffer.concat([WRAP_AAD, version]));
  const data = seal(dataKey, dataIv, pkcs8, Buffer.concat([DATA_AAD, version, wrapIv, wrapped.ct]));
  dataKey.fill(0);
  return Buffer.concat([version, wrapIv, wrapped.ct, wrapped.tag, dataIv, data.tag, data.ct]);
}

/**
 * Opens a key sealed by {@link sealPrivateKey}; throws {@link KeyEnvelopeError} on any problem.
 * Given several keys (during a master-key rotation: the current one first, then the previous
 * ones), the first that unwraps the data key opens it; AES-GCM's tag tells which one fits.
 */
export function openPrivateKey(masterKey: Buffer | readonly Buffer[], sealed: Buffer): Buffer {
  return openPrivateKeyWithIndex(masterKey, sealed).plain;
}

/** {@link openPrivateKey}, also saying which of the keys opened it (0: the first). */
export function openPrivateKeyWithIndex(
  masterKey: Buffer | readonly Buffer[],
  sealed: Buffer,
): { plain: Buffer; keyIndex: number } {
  const keys = Buffer.isBuffer(masterKey) ? [masterKey] : masterKey;
  if (keys.length === 0 || keys.some((k) => k.length !== KEY))
    throw new KeyEnvelopeError("the master key must be 32 bytes");
  if (sealed.length <= HEADER) throw new KeyEnvelopeError("the sealed key is truncated");
  if (sealed[0] !== VERSION) throw new KeyEnvelopeError(`unknown envelope version ${sealed[0]}`);
  let p = 1;
  const take = (n: number) => {
    const part = sealed.subarray(p, p + n);
    p += n;
    return part;
  };
  const version = sealed.subarray(0, 1);
  const wrapIv = take(IV);
  const wrappedKey = take(KEY);
  const wrapTag = take(TAG);
  const dataIv = take(IV);
  const dataTag = take(TAG);
  const ct = sealed.subarray(p);
  let dataKey: Buffer | null = null;
  let keyIndex = 0;
  for (; keyIndex < keys.length && !dataKey; keyIndex++) {
    try {
      dataKey = open(
        keys[keyIndex] as Buffer,
        wrapIv,
        wrappedKey,
        wrapTag,
        Buffer.concat([WRAP_AAD, version]),
      );
    } catch {
      // not this key: try the next one
    }
  }
  if (!dataKey)
    throw new KeyEnvelopeError("the data key cannot be unwrapped (wrong master key or tampered envelope)");
  try {
    const plain = open(dataKey, dataIv, ct, dataTag, Buffer.concat([DATA_AAD, version, wrapIv, wrappedKey]));
    return { plain, keyIndex: keyIndex - 1 };
  } catch {
    throw new KeyEnvelopeError("the private key cannot be decrypted (tampered envelope)");
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Sealed private keys opened once each and kept as KeyObjects, by record id (a record's key never
 * changes): `open(id, sealed)` unseals with any of the master keys on first use.
 */
export function openedKeys(
  masterKeys: Buffer | readonly Buffer[],
): (id: string, sealed: Uint8Array) => KeyObject {
  const opened = new Map<string, KeyObject>();
  return (id, sealed) => {
    let key = opened.get(id);
    if (!key) {
      key = createPrivateKey({
        key: openPrivateKey(masterKeys, Buffer.from(sealed)),
        format: "der",
        type: "pkcs8",
      });
      opened.set(id, key);
    }
    return key;
  };
}
