import { DomainError } from "../errors.ts";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/** NIST SP 800-63B: length only, no composition rules. Counted in characters, not bytes. */
export function assertAcceptablePassword(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN) throw new DomainError("password_too_short");
  if (length > PASSWORD_MAX) throw new DomainError("password_too_long");
}
