import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { derChildren, readDer } from "../signing/der.ts";
import { OID } from "../signing/oids.ts";
import { bufferSource } from "./buffer-source.ts";

/** Digest algorithm names understood by WebCrypto. */
export type HashName = "SHA-256" | "SHA-384" | "SHA-512" | "SHA-1";

const HASHES: Record<string, HashName> = {
  [OID.sha256]: "SHA-256",
  [OID.sha384]: "SHA-384",
  [OID.sha512]: "SHA-512",
  [OID.sha1]: "SHA-1",
};

/** The WebCrypto name of a digest OID, or null when unsupported. */
export function hashName(oid: string): HashName | null {
  return HASHES[oid] ?? null;
}

/** Thrown when a signature algorithm is not supported; reported as "unsupported_algorithm". */
export class UnsupportedAlgorithmError extends Error {}

/** A signature scheme resolved from OIDs and key parameters, ready for a crypto implementation. */
export interface SignatureScheme {
  name: "RSASSA-PKCS1-v1_5" | "RSA-PSS" | "ECDSA";
  hash: HashName;
  saltLength?: number;
  /** ECDSA curve ("P-256", "P-384", "P-521"). */
  namedCurve?: string;
  /** ECDSA coordinate size in bytes (for DER → r‖s). */
  coordinateLength?: number;
}

const CURVES: Record<string, [string, number]> = {
  [OID.p256]: ["P-256", 32],
  [OID.p384]: ["P-384", 48],
  [OID.p521]: ["P-521", 66],
};

function spkiInfo(spki: Uint8Array): { keyOid: string; curve: string | null } {
  const info = pkijs.PublicKeyInfo.fromBER(bufferSource(spki));
  let curve: string | null = null;
  const params = info.algorithm.algorithmParams;
  if (params instanceof asn1js.ObjectIdentifier) curve = params.valueBlock.toString();
  return { keyOid: info.algorithm.algorithmId, curve };
}

/** Resolves a signature algorithm (OID + parameters) for a key; throws {@link UnsupportedAlgorithmError}. */
export function resolveScheme(
  spki: Uint8Array,
  sigOid: string,
  sigParams: unknown,
  hashHint: HashName | null,
): SignatureScheme {
  const { keyOid, curve } = spkiInfo(spki);
  const byOid: Record<string, HashName> = {
    [OID.sha256WithRSA]: "SHA-256",
    [OID.sha384WithRSA]: "SHA-384",
    [OID.sha512WithRSA]: "SHA-512",
    [OID.ecdsaSha256]: "SHA-256",
    [OID.ecdsaSha384]: "SHA-384",
    [OID.ecdsaSha512]: "SHA-512",
  };
  if (keyOid === OID.ecPublicKey) {
    const c = curve ? CURVES[curve] : undefined;
    const hash = byOid[sigOid] ?? (sigOid === OID.ecPublicKey ? hashHint : null);
    if (!c || !hash || hash === "SHA-1" || !sigOid.startsWith("1.2.840.10045"))
      throw new UnsupportedAlgorithmError(sigOid);
    return { name: "ECDSA", hash, namedCurve: c[0], coordinateLength: c[1] };
  }
  if (keyOid !== OID.rsaEncryption && keyOid !== OID.rsaPss) throw new UnsupportedAlgorithmError(keyOid);
  if (sigOid === OID.rsaPss) {
    const p = new pkijs.RSASSAPSSParams({ schema: sigParams as asn1js.AsnType });
    const hash = hashName(p.hashAlgorithm.algorithmId);
    if (!hash || hash === "SHA-1") throw new UnsupportedAlgorithmError(sigOid);
    return { name: "RSA-PSS", hash, saltLength: p.saltLength };
  }
  const hash = byOid[sigOid] ?? (sigOid === OID.rsaEncryption ? hashHint : null);
  if (!hash || hash === "SHA-1") throw new UnsupportedAlgorithmError(sigOid);
  return { name: "RSASSA-PKCS1-v1_5", hash };
}

/** The cryptographic primitives the verifier needs (a port: WebCrypto by default, node:crypto in adapters). */
export interface VerifierCrypto {
  digest(hash: HashName, data: Uint8Array): Promise<Uint8Array>;
  /** Verifies a signature (ECDSA as DER Ecdsa-Sig-Value); false on mismatch or malformed input. */
  verify(
    spki: Uint8Array,
    scheme: SignatureScheme,
    data: Uint8Array,
    signature: Uint8Array,
  ): Promise<boolean>;
}

/** Per-run state of a verification: crypto, plus caches that the caller may keep across runs. */
export interface VerifierKit {
  crypto: VerifierCrypto;
  cache: VerificationCache;
}

/**
 * Reusable, bounded memo of parsed certificates and verified certificate links (keyed by the
 * complete DER bytes, so a look-alike never hits). Create one per process with
 * {@link createVerificationCache} and pass it in the context to verify many files fast.
 */
export interface VerificationCache {
  certificates: Map<string, unknown>;
  links: Map<string, boolean>;
  limit: number;
}

/** A fresh {@link VerificationCache} holding at most `limit` entries per map. */
export function createVerificationCache(limit = 2_000): VerificationCache {
  return { certificates: new Map(), links: new Map(), limit };
}

/** Stores in a bounded map (clears it when full). */
export function remember<V>(map: Map<string, V>, limit: number, key: string, value: V): V {
  if (map.size >= limit) map.clear();
  map.set(key, value);
  return value;
}

/** A map key made of all the bytes. */
export function bytesKey(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
}

/** The default {@link VerifierCrypto}, on `globalThis.crypto.subtle`. */
export function webVerifierCrypto(): VerifierCrypto {
  const keys = new Map<string, Promise<CryptoKey>>();
  const subtle = globalThis.crypto.subtle;
  return {
    async digest(hash, data) {
      return new Uint8Array(await subtle.digest(hash, bufferSource(data)));
    },
    async verify(spki, scheme, data, signature) {
      const importParams =
        scheme.name === "ECDSA"
          ? { name: "ECDSA", namedCurve: scheme.namedCurve as string }
          : { name: scheme.name, hash: scheme.hash };
      const k = `${scheme.name}:${scheme.namedCurve ?? scheme.hash}:${bytesKey(spki)}`;
      let key = keys.get(k);
      if (!key) {
        key = subtle.importKey("spki", bufferSource(spki), importParams, false, ["verify"]);
        // A hostile key is a failed verification when awaited below, never an unhandled rejection
        // (the ECDSA branch may return before awaiting it).
        key.catch(() => {});
        remember(keys, 200, k, key);
      }
      let sig = signature;
      if (scheme.name === "ECDSA") {
        try {
          sig = ecdsaDerToRaw(signature, scheme.coordinateLength ?? 32);
        } catch {
          return false;
        }
      }
      const params =
        scheme.name === "ECDSA"
          ? { name: "ECDSA", hash: scheme.hash }
          : scheme.name === "RSA-PSS"
            ? { name: "RSA-PSS", saltLength: scheme.saltLength ?? 20 }
            : { name: scheme.name };
      try {
        return await subtle.verify(params, await key, bufferSource(sig), bufferSource(data));
      } catch {
        return false;
      }
    },
  };
}

/** Converts a DER ECDSA-Sig-Value to the fixed-length r‖s form WebCrypto verifies. */
export function ecdsaDerToRaw(der: Uint8Array, n: number): Uint8Array {
  const seq = readDer(der, 0);
  const [r, s] = derChildren(der, seq);
  if (!r || !s || r.tag !== 2 || s.tag !== 2 || seq.end !== der.length)
    throw new Error("bad ECDSA signature");
  const out = new Uint8Array(2 * n);
  const put = (node: { contentStart: number; end: number }, at: number) => {
    let v = der.subarray(node.contentStart, node.end);
    while (v.length > n && v[0] === 0) v = v.subarray(1);
    if (v.length > n) throw new Error("bad ECDSA integer");
    out.set(v, at + n - v.length);
  };
  put(r, 0);
  put(s, n);
  return out;
}

/**
 * Verifies `signature` over `data` with the public key `spki` (DER SubjectPublicKeyInfo) for the
 * signature algorithm OID (and its parameters). `hashHint` is the digest algorithm when the OID
 * names only the key type (rsaEncryption in CMS). Returns false on mismatch; throws
 * {@link UnsupportedAlgorithmError} for unknown algorithms.
 */
export async function verifySignature(
  spki: Uint8Array,
  sigOid: string,
  sigParams: unknown,
  hashHint: HashName | null,
  data: Uint8Array,
  signature: Uint8Array,
  kit: VerifierKit,
): Promise<boolean> {
  const scheme = resolveScheme(spki, sigOid, sigParams, hashHint);
  return kit.crypto.verify(spki, scheme, data, signature);
}

/** {@link verifySignature}, with an unsupported algorithm counted as a signature that does not hold. */
export async function signatureHolds(
  spki: Uint8Array,
  sigOid: string,
  sigParams: unknown,
  data: Uint8Array,
  signature: Uint8Array,
  kit: VerifierKit,
): Promise<boolean> {
  try {
    return await verifySignature(spki, sigOid, sigParams, null, data, signature, kit);
  } catch (e) {
    if (e instanceof UnsupportedAlgorithmError) return false;
    throw e;
  }
}
