import { hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import type { TotpAuthenticator } from "../../core/ports.ts";
import { openPrivateKey, sealPrivateKey } from "../pki/key-envelope.ts";
import { fromBase32, hotpCode, timeStep, toBase32 } from "./hotp-code.ts";

const KEY_BYTES = 32;
const SECRET_BYTES = 20;
const KEK_SALT = Buffer.from("sceau/totp-secret/v1");

/**
 * TOTP as authenticator apps do it (RFC 6238 defaults: HMAC-SHA-1, 6 digits, 30 s), accepting the
 * step before and after now for clock drift. Secrets are sealed with the envelope of key-envelope.ts
 * under a key derived from the master key with HKDF-SHA-256 and the user id.
 */
export function nodeTotpAuthenticator(masterKey: Buffer): TotpAuthenticator {
  if (masterKey.length !== KEY_BYTES) throw new Error("the master key must be 32 bytes");
  const kekFor = (userId: string) =>
    Buffer.from(hkdfSync("sha256", masterKey, KEK_SALT, Buffer.from(userId, "utf8"), KEY_BYTES));
  const sameCode = (a: string, b: string) => timingSafeEqual(Buffer.from(a), Buffer.from(b));

  return {
    newSecret: () => toBase32(randomBytes(SECRET_BYTES)),
    match(secret, code, now, afterStep) {
      if (!/^\d{6}$/.test(code)) return null;
      const key = fromBase32(secret);
      const current = timeStep(now);
      let found: number | null = null;
      for (const step of [current - 1, current, current + 1]) {
        if (afterStep !== null && step <= afterStep) continue;
        if (sameCode(hotpCode(key, step), code)) found = step;
      }
      key.fill(0);
      return found;
    },
    seal(userId, secret) {
      const kek = kekFor(userId);
      try {
        return sealPrivateKey(kek, Buffer.from(secret, "utf8"));
      } finally {
        kek.fill(0);
      }
    },
    open(userId, sealed) {
      const kek = kekFor(userId);
      try {
        return openPrivateKey(kek, Buffer.from(sealed)).toString("utf8");
      } finally {
        kek.fill(0);
      }
    },
  };
}
