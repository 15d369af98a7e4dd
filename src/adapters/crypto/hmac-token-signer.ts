import { createHmac, timingSafeEqual } from "node:crypto";
import type { TokenSigner } from "../../core/ports.ts";

/**
 * Tokens of the form `<payload>.<mac>` (both base64url): the payload is JSON with the purpose,
 * the claims and the expiry; the MAC is HMAC-SHA-256 over the payload under `key`. Nothing is
 * stored; a token cannot be altered or used for another purpose, and stops working at its expiry.
 * `previousKeys` (a master-key rotation) still verify tokens signed before it; new ones use `key`.
 */
export function hmacTokenSigner(key: Buffer, previousKeys: readonly Buffer[] = []): TokenSigner {
  const macWith = (k: Buffer, payload: string) => createHmac("sha256", k).update(payload).digest();
  const mac = (payload: string) => macWith(key, payload);
  const fits = (given: Buffer, payload: string) =>
    [key, ...previousKeys].some((k) => {
      const expected = macWith(k, payload);
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  return {
    sign(purpose, claims, expiresAt) {
      const payload = Buffer.from(JSON.stringify({ p: purpose, c: claims, e: expiresAt.getTime() })).toString(
        "base64url",
      );
      return `${payload}.${mac(payload).toString("base64url")}`;
    },
    verify(purpose, token, now) {
      const [payload, signature, extra] = token.split(".");
      if (!payload || !signature || extra !== undefined) return null;
      const given = Buffer.from(signature, "base64url");
      if (!fits(given, payload)) return null;
      let body: unknown;
      try {
        body = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
      } catch {
        return null;
      }
      const { p, c, e } = (body ?? {}) as { p?: unknown; c?: unknown; e?: unknown };
      if (p !== purpose || typeof e !== "number" || e <= now.getTime()) return null;
      if (typeof c !== "object" || c === null) return null;
      const claims: Record<string, string> = {};
      for (const [k, v] of Object.entries(c)) if (typeof v === "string") claims[k] = v;
      return claims;
    },
  };
}
