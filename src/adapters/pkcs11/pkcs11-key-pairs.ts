import { createPublicKey, randomBytes } from "node:crypto";
import pkcs11js from "pkcs11js";
import type { HardwareKey } from "../../core/signing/hardware-keys.ts";
import type { KeyAlgorithm } from "../../core/signing/signing.types.ts";
import type { Handle, Pkcs11Token } from "./pkcs11-token.ts";

/** DER OID of the P-256 curve (prime256v1), as CKA_EC_PARAMS takes it. */
const P256_PARAMS = Buffer.from("06082a8648ce3d030107", "hex");

/**
 * Generates a key pair on the token. The private key is a token object (CKA_TOKEN), private,
 * sensitive and never extractable: it cannot be read, wrapped or exported, only used to sign.
 * Both halves carry the same random CKA_ID and the label.
 */
export async function generateKeyPair(
  token: Pkcs11Token,
  algorithm: KeyAlgorithm,
  label: string,
): Promise<HardwareKey> {
  const { pkcs11 } = token;
  const id = randomBytes(16);
  const common = [
    { type: pkcs11js.CKA_TOKEN, value: true },
    { type: pkcs11js.CKA_ID, value: id },
    { type: pkcs11js.CKA_LABEL, value: label },
  ];
  const rsa = algorithm !== "ECDSA-P256";
  const publicTemplate = [
    ...common,
    { type: pkcs11js.CKA_VERIFY, value: true },
    { type: pkcs11js.CKA_PRIVATE, value: false },
    ...(rsa
      ? [
          { type: pkcs11js.CKA_MODULUS_BITS, value: algorithm === "RSA-3072" ? 3072 : 2048 },
          { type: pkcs11js.CKA_PUBLIC_EXPONENT, value: Buffer.from([1, 0, 1]) },
        ]
      : [{ type: pkcs11js.CKA_EC_PARAMS, value: P256_PARAMS }]),
  ];
  const privateTemplate = [
    ...common,
    { type: pkcs11js.CKA_SIGN, value: true },
    { type: pkcs11js.CKA_PRIVATE, value: true },
    { type: pkcs11js.CKA_SENSITIVE, value: true },
    { type: pkcs11js.CKA_EXTRACTABLE, value: false },
    { type: pkcs11js.CKA_DECRYPT, value: false },
    { type: pkcs11js.CKA_UNWRAP, value: false },
  ];
  const mechanism = { mechanism: rsa ? pkcs11js.CKM_RSA_PKCS_KEY_PAIR_GEN : pkcs11js.CKM_EC_KEY_PAIR_GEN };
  return token.withSession(async (session) => {
    const pair = await pkcs11.C_GenerateKeyPairAsync(session, mechanism, publicTemplate, privateTemplate);
    return describe(token, session, pair.publicKey);
  });
}

/** The key pairs on the token: each public key with a matching private signing key (same CKA_ID). */
export function listKeyPairs(token: Pkcs11Token): Promise<HardwareKey[]> {
  return token.withSession((session) => {
    const found: HardwareKey[] = [];
    for (const handle of findObjects(token, session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PUBLIC_KEY },
    ])) {
      const key = describeOrNull(token, session, handle);
      if (key && findPrivateKey(token, session, key.id)) found.push(key);
    }
    return found;
  });
}

/** The key pair with this CKA_ID (hex), or null. */
export function findKeyPair(token: Pkcs11Token, id: string): Promise<HardwareKey | null> {
  return token.withSession((session) => {
    const [handle] = findObjects(token, session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PUBLIC_KEY },
      { type: pkcs11js.CKA_ID, value: Buffer.from(id, "hex") },
    ]);
    if (!handle || !findPrivateKey(token, session, id)) return null;
    return describeOrNull(token, session, handle);
  });
}

/** The handle of the private key with this CKA_ID (hex), or null. */
export function findPrivateKey(token: Pkcs11Token, session: Handle, id: string): Handle | null {
  const [handle] = findObjects(token, session, [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
    { type: pkcs11js.CKA_ID, value: Buffer.from(id, "hex") },
    { type: pkcs11js.CKA_SIGN, value: true },
  ]);
  return handle ?? null;
}

function findObjects(token: Pkcs11Token, session: Handle, template: pkcs11js.Template): Handle[] {
  const { pkcs11 } = token;
  pkcs11.C_FindObjectsInit(session, template);
  try {
    const handles: Handle[] = [];
    for (;;) {
      const batch = pkcs11.C_FindObjects(session, 64);
      handles.push(...batch);
      if (batch.length < 64) return handles;
    }
  } finally {
    pkcs11.C_FindObjectsFinal(session);
  }
}

function describeOrNull(token: Pkcs11Token, session: Handle, publicKey: Handle): HardwareKey | null {
  try {
    return describe(token, session, publicKey);
  } catch {
    return null; // a key type Sceau does not sign with
  }
}

/** Reads a public key object: its id, label, algorithm and SubjectPublicKeyInfo. */
function describe(token: Pkcs11Token, session: Handle, publicKey: Handle): HardwareKey {
  const { pkcs11 } = token;
  const [id, label, keyType] = pkcs11
    .C_GetAttributeValue(session, publicKey, [
      { type: pkcs11js.CKA_ID },
      { type: pkcs11js.CKA_LABEL },
      { type: pkcs11js.CKA_KEY_TYPE },
    ])
    .map((a) => a.value as Buffer);
  if (!id || !label || !keyType) throw new Error("PKCS#11: incomplete public key object");
  const type = keyType.readUInt32LE(0);
  const common = { token: token.label, id: id.toString("hex"), label: label.toString("utf8") };
  if (type === pkcs11js.CKK_RSA) {
    const [n, e] = pkcs11
      .C_GetAttributeValue(session, publicKey, [
        { type: pkcs11js.CKA_MODULUS },
        { type: pkcs11js.CKA_PUBLIC_EXPONENT },
      ])
      .map((a) => a.value as Buffer);
    if (!n || !e) throw new Error("PKCS#11: RSA public key without modulus");
    const bits = n.length * 8;
    if (bits !== 2048 && bits !== 3072) throw new Error(`PKCS#11: RSA-${bits} is not a supported key size`);
    return {
      ...common,
      algorithm: bits === 3072 ? "RSA-3072" : "RSA-2048",
      publicKeySpki: spki({ kty: "RSA", n: n.toString("base64url"), e: e.toString("base64url") }),
    };
  }
  if (type === pkcs11js.CKK_EC) {
    const [params, point] = pkcs11
      .C_GetAttributeValue(session, publicKey, [
        { type: pkcs11js.CKA_EC_PARAMS },
        { type: pkcs11js.CKA_EC_POINT },
      ])
      .map((a) => a.value as Buffer);
    if (!params?.equals(P256_PARAMS) || !point) throw new Error("PKCS#11: only P-256 EC keys are supported");
    // CKA_EC_POINT is the DER OCTET STRING around the uncompressed point 04 || x || y.
    const raw = point.length === 67 && point[0] === 0x04 && point[1] === 0x41 ? point.subarray(2) : point;
    if (raw.length !== 65 || raw[0] !== 0x04) throw new Error("PKCS#11: unexpected EC point encoding");
    return {
      ...common,
      algorithm: "ECDSA-P256",
      publicKeySpki: spki({
        kty: "EC",
        crv: "P-256",
        x: raw.subarray(1, 33).toString("base64url"),
        y: raw.subarray(33).toString("base64url"),
      }),
    };
  }
  throw new Error("PKCS#11: only RSA and EC keys are supported");
}

const spki = (jwk: Record<string, string>): Uint8Array =>
  new Uint8Array(createPublicKey({ key: jwk, format: "jwk" }).export({ type: "spki", format: "der" }));
