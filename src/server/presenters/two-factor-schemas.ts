import { z } from "zod";

export const TwoFactorStatusOut = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number(),
});

export const RecoveryCodesOut = z.object({ codes: z.array(z.string()) });

/** A new authenticator secret, shown once while setting up: as text, as an otpauth URI and as a QR code. */
export const TotpEnrolmentOut = z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() });
