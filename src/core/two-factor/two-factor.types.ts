/** Where the user's two-step verification stands, as the profile shows it. */
export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  /** Recovery codes not used yet (0 when two-step verification is off). */
  recoveryCodesLeft: number;
}

/** What an authenticator app needs to be set up: shown once, while enrolment waits for a code. */
export interface TotpEnrolment {
  /** The base-32 secret in groups of 4, for typing into the app. */
  secret: string;
  /** otpauth://totp/… for the QR code. */
  otpauthUri: string;
}

/** Fresh single-use recovery codes, shown once ("XXXX-XXXX-XXXX"). */
export interface RecoveryCodeList {
  codes: string[];
}
