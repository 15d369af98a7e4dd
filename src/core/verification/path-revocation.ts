import { certificateStatus, hasOcspNoCheck, OCSP_SIGNING, type StatusTimes } from "./certificate-status.ts";
import { nameAttribute, nameToString, type ParsedCertificate } from "./parsed-certificate.ts";
import type { RevocationData } from "./revocation-data.ts";
import type { VerifierKit } from "./signature-algorithms.ts";

/** What the embedded data says of a whole certification path at a validation time. */
export type PathRevocation =
  /** Every certificate below the anchor has fresh data saying it was not revoked. */
  | { status: "good" }
  | { status: "revoked"; revokedAt: Date; subject: string }
  /** A certificate has no usable data and has expired at `now`: nothing can vouch for it any more. */
  | { status: "missing"; subject: string }
  /** A certificate has no usable data but is still valid now (its status is not known offline). */
  | { status: "unknown" };

/**
 * Checks every certificate of `path` (leaf first, the trust anchor last, as
 * `buildCertificatePath` returns it) but the anchor against the embedded OCSP responses and
 * CRLs. OCSP responders' certificates with id-pkix-ocsp-nocheck need none.
 */
export async function pathRevocation(
  path: readonly ParsedCertificate[],
  times: StatusTimes,
  data: RevocationData,
  kit: VerifierKit,
): Promise<PathRevocation> {
  let missing: string | null = null;
  let unknown = false;
  for (let i = 0; i + 1 < path.length; i++) {
    const cert = path[i] as ParsedCertificate;
    const issuer = path[i + 1] as ParsedCertificate;
    if (hasOcspNoCheck(cert) && cert.extKeyUsage?.includes(OCSP_SIGNING)) continue;
    const status = await certificateStatus(cert, issuer, data, times, kit);
    if (status.status === "revoked")
      return { status: "revoked", revokedAt: status.revokedAt, subject: nameOf(cert) };
    if (status.status === "none") {
      if (cert.notAfter < times.now) missing ??= nameOf(cert);
      else unknown = true;
    }
  }
  if (missing !== null) return { status: "missing", subject: missing };
  return unknown ? { status: "unknown" } : { status: "good" };
}

function nameOf(cert: ParsedCertificate): string {
  return nameAttribute(cert.cert.subject, "2.5.4.3") ?? nameToString(cert.cert.subject);
}
