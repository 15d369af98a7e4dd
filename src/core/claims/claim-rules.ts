/** Wrong claim passwords an access code takes before it locks (staff then send a new code). */
export const MAX_CLAIM_FAILURES = 5;
/** How long the step between the access code and the account creation lasts. */
export const CLAIM_TOKEN_MS = 30 * 60 * 1000;
/** How long an activation link works. */
export const ACTIVATION_TTL_MS = 48 * 3600 * 1000;
/** The purpose of claim tokens (TokenSigner). */
export const CLAIM_TOKEN_PURPOSE = "learner-claim";

/**
 * Binds a claim token to the access code it came from without carrying the code's hash: a resend
 * (new code) or the claim itself (code cleared) makes every earlier token useless.
 */
export const codeBinding = (hashToken: (s: string) => string, codeHash: string): string =>
  hashToken(`sceau/claim-binding/${codeHash}`).slice(0, 22);
