import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CommonPasswords } from "../../core/accounts/accounts.ports.ts";
import { normalizeForList } from "../../core/accounts/password-policy.ts";

/** The bundled list (scripts/generate-common-passwords.ts writes it: sources and licence there). */
export const COMMON_PASSWORDS_FILE = fileURLToPath(new URL("./common-passwords.txt", import.meta.url));

/** Reads the list once into a set; look-ups ignore case. */
export function commonPasswordList(file = COMMON_PASSWORDS_FILE): CommonPasswords {
  const entries = new Set(
    readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map(normalizeForList),
  );
  return { includes: (password) => entries.has(normalizeForList(password)), size: entries.size };
}
