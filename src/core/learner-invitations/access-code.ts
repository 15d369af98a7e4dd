/** Access codes: 26 characters of Crockford's base 32 (130 bits), shown in groups of 4. */
export const ACCESS_CODE_LENGTH = 26;
/** The claim password sent in a second email: 12 characters (60 bits) on top of the code. */
export const CLAIM_PASSWORD_LENGTH = 12;
/** How long an access code works. */
export const ACCESS_CODE_DAYS = 60;

/** "ABCD-EFGH-…" for reading and typing. */
export const formatCode = (code: string): string => code.match(/.{1,4}/g)?.join("-") ?? code;

/**
 * The canonical form of a typed code: upper case, without spaces or hyphens, with Crockford's
 * look-alikes read as digits (O → 0, I and L → 1).
 */
export const normalizeCode = (typed: string): string =>
  typed
    .toUpperCase()
    .replace(/[\s-]+/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
