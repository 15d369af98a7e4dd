import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Secrets } from "../../core/ports.ts";

/** Crockford's base 32: digits and capital letters without I, L, O and U. */
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function nodeSecrets(): Secrets {
  return {
    randomToken: () => randomBytes(32).toString("base64url"),
    randomCode(length) {
      // 32 symbols, so each random byte's low 5 bits pick one without bias.
      const bytes = randomBytes(length);
      let code = "";
      for (const b of bytes) code += CODE_ALPHABET[b & 31];
      return code;
    },
    hashToken: (token) => createHash("sha256").update(token, "utf8").digest("base64url"),
    equal(a, b) {
      const x = createHash("sha256").update(a).digest();
      const y = createHash("sha256").update(b).digest();
      return timingSafeEqual(x, y) && a === b;
    },
  };
}
