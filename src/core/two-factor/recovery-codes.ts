import { formatCode, normalizeCode } from "../learner-invitations/access-code.ts";
import type { CoreDeps } from "../ports.ts";

/** Recovery codes a user gets at once. */
export const RECOVERY_CODE_COUNT = 10;
/** 12 characters of Crockford's base 32: 60 bits each. */
const RECOVERY_CODE_LENGTH = 12;

/**
 * The stored form of a recovery code: a hash of the user id and the normalized code, so one
 * code's hash says nothing about another user's.
 */
export const hashRecoveryCode = (deps: Pick<CoreDeps, "secrets">, userId: string, typed: string): string =>
  deps.secrets.hashToken(`recovery:${userId}:${normalizeCode(typed)}`);

/** New codes in their readable form ("ABCD-EFGH-JKMN") with their hashes. */
export function newRecoveryCodes(
  deps: Pick<CoreDeps, "secrets">,
  userId: string,
): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    formatCode(deps.secrets.randomCode(RECOVERY_CODE_LENGTH)),
  );
  return { codes, hashes: codes.map((code) => hashRecoveryCode(deps, userId, code)) };
}
