import { randomBytes, timingSafeEqual } from "node:crypto";
import type { TotpAuthenticator } from "../../core/two-factor/two-factor.ports.ts";
import { fromBase32, hotpCode, timeStep, toBase32 } from "./hotp-code.ts";

const SECRET_BYTES = 20;

const sameCode = (a: string, b: string) => timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * TOTP as authenticator apps do it (RFC 6238 defaults: HMAC-SHA-1, 6 digits, 30 s), accepting the
 * step before and after now for clock drift. The core seals the secrets with SecretBox.
 */
export const nodeTotpAuthenticator: TotpAuthenticator = {
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
};
