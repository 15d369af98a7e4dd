import { createHmac, timingSafeEqual } from "node:crypto";
import type { TokenSigner } from "../../core/ports.ts";

/**
 * Tokens of the form `<payload>.<mac>` (both base64url): the payload is JSON with the purpose,
 * the claims and the expiry; the MAC is HMAC-SHA-256 over the payload under `key`. Nothing is
 * stored; a token cannot be altered or used for another purpose, and stops working at its expiry.
 */
export function hmacTokenSigner(key: Buffer): TokenSigner {
  const mac = (payload: string) => createHmac("sha256", key).update(payload).digest();
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
      const expected = mac(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
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
