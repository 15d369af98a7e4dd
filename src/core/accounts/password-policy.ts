import { DomainError } from "../errors.ts";
import type { CommonPasswords } from "./accounts.ports.ts";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/** How passwords are compared with the list of common ones: Unicode NFC, case ignored. */
export const normalizeForList = (password: string): string => password.normalize("NFC").toLowerCase();

/**
 * NIST SP 800-63B: length only (counted in characters, not bytes), no composition rules, and not
 * one of the passwords people choose most often (the bundled list, case ignored). Every place a
 * password is chosen calls this: claim, password change, reset, staff invitation.
 */
export function assertAcceptablePassword(deps: { commonPasswords: CommonPasswords }, password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN) throw new DomainError("password_too_short");
  if (length > PASSWORD_MAX) throw new DomainError("password_too_long");
  if (deps.commonPasswords.includes(password)) throw new DomainError("password_too_common");
}
