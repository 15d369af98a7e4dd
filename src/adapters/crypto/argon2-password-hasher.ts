import { hash, verify } from "@node-rs/argon2";
import type { PasswordHasher } from "../../core/ports.ts";

/** argon2id with OWASP's minimum: m = 19 MiB, t = 2, p = 1. */
const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function argon2PasswordHasher(): PasswordHasher {
  return {
    hash: (password) => hash(password, OPTIONS),
    async verify(encoded, password) {
      try {
        return await verify(encoded, password);
      } catch {
        return false;
      }
    },
  };
}
