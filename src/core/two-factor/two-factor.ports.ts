/** A user's authenticator-app (TOTP) enrolment. */
export interface TotpRecord {
  userId: string;
  /** The base-32 secret, sealed by the TotpAuthenticator port. */
  sealedSecret: Uint8Array;
  /** Null while enrolment waits for the first valid code. */
  enabledAt: Date | null;
  /** The last time step accepted (a code works once). */
  lastStep: number | null;
}

/** TOTP enrolments and recovery codes (hashes only). */
export interface TwoFactorStore {
  find(userId: string): Promise<TotpRecord | null>;
  /** Starts or restarts an enrolment with a new secret; false when TOTP is already enabled. */
  savePending(userId: string, sealedSecret: Uint8Array): Promise<boolean>;
  /** Turns a pending enrolment on; false when it is not pending (enabled meanwhile, or gone). */
  enable(userId: string, step: number, now: Date): Promise<boolean>;
  /** Records an accepted time step if it is later than the last one; false for a replay or a race. */
  acceptStep(userId: string, step: number): Promise<boolean>;
  /** Removes the enrolment and every recovery code. */
  remove(userId: string): Promise<void>;
  /** Replaces every recovery code of the user by these (hashes). */
  replaceRecoveryCodes(userId: string, codeHashes: string[]): Promise<void>;
  /** Marks the unused code with this hash used; false when there is none. */
  consumeRecoveryCode(userId: string, codeHash: string, now: Date): Promise<boolean>;
  countUnusedRecoveryCodes(userId: string): Promise<number>;
}

/** TOTP (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps); secrets are sealed at rest with SecretBox. */
export interface TotpAuthenticator {
  /** A new random secret (160 bits) in base 32, as authenticator apps take it. */
  newSecret(): string;
  /**
   * The latest time step within one step of `now` (before, now, after) whose code is `code` and
   * that is later than `afterStep`; null when none matches.
   */
  match(secret: string, code: string, now: Date, afterStep: number | null): number | null;
}
