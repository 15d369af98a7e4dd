import { buildCertificatePath } from "./certificate-path.ts";
import { check } from "./check-messages.ts";
import { tsaRevokedCheck } from "./dated-checks.ts";
import type { ParsedCertificate } from "./parsed-certificate.ts";
import { pathRevocation } from "./path-revocation.ts";
import type { RevocationData } from "./revocation-data.ts";
import type { VerifierKit } from "./signature-algorithms.ts";
import type { TimestampToken } from "./timestamp-token.ts";
import type { VerificationCheck } from "./verification.types.ts";

/** Where trust comes from: the anchors, the embedded validation data, the time of verification. */
export interface TrustSetting {
  anchors: readonly ParsedCertificate[];
  data: RevocationData;
  now: Date;
  kit: VerifierKit;
}

/** A timestamp judged at a validation time: trusted (with its TSA's path) or not, and its check. */
export type TimestampTrust =
  | { trusted: true; path: ParsedCertificate[]; check: VerificationCheck }
  | { trusted: false; check: VerificationCheck };

/**
 * Judges an intact token at validation time `at` (now, or a later document timestamp's time that
 * proves the token existed then): its TSA must chain to an anchor with every certificate valid at
 * `at`, and no certificate of that path revoked by `at` or expired without revocation data.
 * A token that is not trusted is a warning: the signature's time then falls back to `now`.
 */
export async function trustTimestamp(
  token: TimestampToken,
  at: Date,
  setting: TrustSetting,
): Promise<TimestampTrust> {
  const { anchors, data, now, kit } = setting;
  const pool = [...token.certificates, ...data.certificates];
  const path = await buildCertificatePath(token.signer, pool, anchors, at, kit);
  if (!path.ok)
    return {
      trusted: false,
      check: check(
        "timestamp",
        "warning",
        path.code === "certificate_expired" ? "tsa_expired" : "tsa_untrusted",
      ),
    };
  const revocation = await pathRevocation(path.path, { usage: token.time, at, now }, data, kit);
  if (revocation.status === "revoked")
    return { trusted: false, check: tsaRevokedCheck(revocation.subject, revocation.revokedAt) };
  if (revocation.status === "missing")
    return { trusted: false, check: check("timestamp", "warning", "tsa_revocation_data_missing") };
  return { trusted: true, path: path.path, check: check("timestamp", "passed") };
}
