import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Secrets } from "../../core/ports.ts";

export function nodeSecrets(): Secrets {
  return {
    randomToken: () => randomBytes(32).toString("base64url"),
    hashToken: (token) => createHash("sha256").update(token, "utf8").digest("base64url"),
    equal(a, b) {
      const x = createHash("sha256").update(a).digest();
      const y = createHash("sha256").update(b).digest();
      return timingSafeEqual(x, y) && a === b;
    },
  };
}
