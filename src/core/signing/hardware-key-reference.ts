/**
 * Where a signing identity's private key lives when it is on a hardware token: an RFC 7512
 * PKCS#11 URI such as `pkcs11:token=Sceau;id=%9a%3f…;type=private`, stored (UTF-8) in the
 * identity's `sealedKey` column in place of a sealed key. A sealed key envelope starts with its
 * version byte (0x01), never with "pkcs11:", so the two cannot be confused.
 */
export interface HardwareKeyReference {
  /** The token's label (CKA_LABEL of the token, trailing spaces removed). */
  token: string;
  /** The key pair's CKA_ID, lowercase hexadecimal. */
  id: string;
}

const SCHEME = "pkcs11:";
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: false });

/** RFC 7512 percent-encoding of a path attribute value (unreserved characters kept). */
const encodeValue = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);

export function formatHardwareKeyReference(ref: HardwareKeyReference): string {
  if (!/^([0-9a-f]{2})+$/.test(ref.id)) throw new Error("the key id must be hexadecimal bytes");
  const id = ref.id.replace(/../g, (b) => `%${b}`);
  return `${SCHEME}token=${encodeValue(ref.token)};id=${id};type=private`;
}

/** The reference as stored in a signing identity's sealedKey column. */
export const hardwareKeyReferenceBytes = (ref: HardwareKeyReference): Uint8Array =>
  encoder.encode(formatHardwareKeyReference(ref));

/** True when these stored key bytes are a PKCS#11 reference (not a sealed key). */
export function isHardwareKeyReference(sealedKey: Uint8Array): boolean {
  return SCHEME.split("").every((c, i) => sealedKey[i] === c.charCodeAt(0));
}

/** The reference in a URI (or in stored key bytes); null when it is not a PKCS#11 key reference. */
export function parseHardwareKeyReference(value: string | Uint8Array): HardwareKeyReference | null {
  if (typeof value !== "string" && !isHardwareKeyReference(value)) return null;
  const uri = typeof value === "string" ? value : decoder.decode(value);
  if (!uri.startsWith(SCHEME)) return null;
  const attributes = new Map<string, string>();
  for (const part of uri.slice(SCHEME.length).split("?")[0]?.split(";") ?? []) {
    const eq = part.indexOf("=");
    if (eq > 0) attributes.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const token = attributes.get("token");
  const rawId = attributes.get("id");
  if (token === undefined || rawId === undefined) return null;
  let id = "";
  for (let i = 0; i < rawId.length; ) {
    if (rawId[i] === "%" && /^[0-9a-fA-F]{2}$/.test(rawId.slice(i + 1, i + 3))) {
      id += rawId.slice(i + 1, i + 3).toLowerCase();
      i += 3;
    } else {
      id += rawId.charCodeAt(i).toString(16).padStart(2, "0");
      i += 1;
    }
  }
  if (id.length === 0) return null;
  try {
    return { token: decodeURIComponent(token), id };
  } catch {
    return null;
  }
}
