import { createPrivateKey, type KeyObject, sign as nodeSign } from "node:crypto";
import type { SignerKeyType } from "../../core/signing/cms-template.ts";

/**
 * The raw signature operation of a signing identity: sha256WithRSAEncryption (PKCS#1 v1.5) or
 * ecdsa-with-SHA256 over the DER signed attributes. The key itself may live anywhere: in this
 * process (a PKCS#8 key opened from its envelope) or on a hardware token (PKCS#11).
 */
export interface SignatureKey {
  readonly type: SignerKeyType;
  /** The longest signature this key produces, in bytes (RSA: the modulus length; ECDSA P-256 DER: ≤ 72). */
  readonly maxSignatureBytes: number;
  /** Signs `data` (hashing it with SHA-256 first); ECDSA signatures are DER `SEQUENCE { r, s }`. */
  sign(data: Uint8Array): Promise<Uint8Array> | Uint8Array;
}

/** A signature key held in this process (node:crypto). */
export function nodeSignatureKey(privateKeyPkcs8: Uint8Array): SignatureKey {
  const key: KeyObject = createPrivateKey({
    key: Buffer.from(privateKeyPkcs8),
    format: "der",
    type: "pkcs8",
  });
  if (key.asymmetricKeyType !== "ec" && key.asymmetricKeyType !== "rsa")
    throw new Error("only RSA and ECDSA keys are supported");
  const type: SignerKeyType = key.asymmetricKeyType === "ec" ? "ec" : "rsa";
  return {
    type,
    maxSignatureBytes: type === "rsa" ? Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 4096) / 8) : 80,
    sign: (data) => nodeSign("sha256", data, { key, dsaEncoding: "der" }),
  };
}
