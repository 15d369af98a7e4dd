import { createHmac } from "node:crypto";

/** RFC 4648 base 32 (the alphabet authenticator apps use for secrets). */
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function toBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base 32, ignoring case, spaces and padding; throws on any other character. */
export function fromBase32(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, "");
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error("not base 32");
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export type HotpAlgorithm = "sha1" | "sha256" | "sha512";

/**
 * The HOTP value (RFC 4226 §5.3) of `counter`, as TOTP uses it with counter = the time step
 * (RFC 6238 §4): HMAC over the 8-byte big-endian counter, dynamic truncation, `digits` decimal digits.
 */
export function hotpCode(
  key: Uint8Array,
  counter: number,
  digits = 6,
  algorithm: HotpAlgorithm = "sha1",
): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

/** The TOTP time step of a date: 30-second steps since the Unix epoch. */
export const timeStep = (date: Date, periodSeconds = 30): number =>
  Math.floor(date.getTime() / 1000 / periodSeconds);
