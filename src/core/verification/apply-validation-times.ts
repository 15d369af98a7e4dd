import { buildCertificatePath } from "./certificate-path.ts";
import { check } from "./check-messages.ts";
import { revokedCheck } from "./dated-checks.ts";
import type { ParsedCertificate } from "./parsed-certificate.ts";
import { type PathRevocation, pathRevocation } from "./path-revocation.ts";
import { revocationDataWithin } from "./revocation-data.ts";
import type { TimestampToken, TimestampTokenRead } from "./timestamp-token.ts";
import { type TrustSetting, trustTimestamp } from "./trust-timestamp.ts";
import type { LongTermLevel, SignatureReport, VerificationCheck } from "./verification.types.ts";
import type { CheckedSignature, TrustInput } from "./verify-signature.ts";

/** What the validation times need besides the trust setting. */
export interface ValidationTimesSetting extends TrustSetting {
  /** Keys of the OCSP responses and CRLs in the DSS of the revision that ends at `end`. */
  dssKeysAt: (end: number) => Promise<ReadonlySet<string>>;
}

/** The level one signature reaches and until when its proofs hold (null level: not valid). */
export interface SignatureLongTerm {
  level: LongTermLevel | null;
  protectedUntil: Date | null;
}

/** A valid document timestamp: proof that everything before `end` existed at `time`. */
interface Proof {
  time: Date;
  end: number;
  path: ParsedCertificate[];
}

type Checked = CheckedSignature & { signedEnd: number; trust: TrustInput };

/**
 * A simplified ETSI EN 319 102-1 past-signature validation. Document timestamps, newest first:
 * the newest is judged now; each earlier one at the time of the earliest later valid document
 * timestamp (its proof of existence), else now. A signature timestamp likewise; a signature's
 * chain and revocation at its valid timestamp's time, else now (never at the claimed /M).
 * Adds the checks timestamp, certificate_chain, key_usage and revocation, and returns the level of
 * each signature (in the order of `results`' signatures).
 */
export async function applyValidationTimes(
  results: readonly CheckedSignature[],
  setting: ValidationTimesSetting,
): Promise<SignatureLongTerm[]> {
  const usable = results.filter((r): r is Checked => r.trust !== null && r.signedEnd !== null);
  const newestFirst = [...usable].sort((a, b) => b.signedEnd - a.signedEnd);
  const proofs: Proof[] = [];
  for (const r of newestFirst) {
    if (r.trust.kind !== "document_timestamp") continue;
    const token = intactToken(r.report, r.trust.token);
    if (!token) continue;
    r.report.signedAt = token.time.toISOString();
    const judged = await trustTimestamp(token, proofTime(proofs, r.signedEnd) ?? setting.now, setting);
    r.report.checks.push(judged.check);
    if (judged.trusted) proofs.push({ time: token.time, end: r.signedEnd, path: judged.path });
  }
  const out: SignatureLongTerm[] = [];
  for (const r of usable)
    if (r.trust.kind === "signature") out.push(await validateSignature(r, r.trust, proofs, setting));
  return out;
}

/** The earliest time of a valid document timestamp that covers what ends at `end`. */
function proofTime(proofs: readonly Proof[], end: number): Date | null {
  let best: Date | null = null;
  for (const p of proofs) if (p.end > end && (!best || p.time < best)) best = p.time;
  return best;
}

/** Records the token's time and tsa in the report; adds the failed check of a broken token. */
function intactToken(report: SignatureReport, read: TimestampTokenRead): TimestampToken | null {
  const time = read.intact ? read.token.time : read.time;
  const tsa = read.intact ? read.token.tsa : read.tsa;
  if (time) report.timestamp = { time: time.toISOString(), tsa };
  if (read.intact) return read.token;
  report.checks.push(check("timestamp", "failed", "timestamp_invalid"));
  return null;
}

const minNotAfter = (...paths: (readonly ParsedCertificate[])[]): Date =>
  new Date(Math.min(...paths.flat().map((c) => c.notAfter.getTime())));

function revocationCheck(r: PathRevocation): VerificationCheck {
  if (r.status === "revoked") return revokedCheck(r.subject, r.revokedAt);
  if (r.status === "missing") return check("revocation", "failed", "revocation_data_missing");
  if (r.status === "good") return check("revocation", "passed");
  return check("revocation", "skipped", "revocation_not_checked");
}

async function validateSignature(
  r: Checked,
  trust: Extract<TrustInput, { kind: "signature" }>,
  proofs: readonly Proof[],
  setting: ValidationTimesSetting,
): Promise<SignatureLongTerm> {
  const { anchors, data, now, kit } = setting;
  const checks = r.report.checks;
  let stamped: { token: TimestampToken; at: Date; path: ParsedCertificate[] } | null = null;
  if (!trust.token) checks.push(check("timestamp", "skipped", "no_timestamp"));
  else {
    const token = intactToken(r.report, trust.token);
    if (token) {
      const at = proofTime(proofs, r.signedEnd) ?? now;
      const judged = await trustTimestamp(token, at, setting);
      checks.push(judged.check);
      if (judged.trusted) {
        stamped = { token, at, path: judged.path };
        r.report.signedAt = token.time.toISOString();
      }
    }
  }
  const at = stamped?.token.time ?? now;
  const pool = [...trust.certificates, ...data.certificates];
  const path = await buildCertificatePath(trust.signer, pool, anchors, at, kit);
  checks.push(
    path.ok ? check("certificate_chain", "passed") : check("certificate_chain", "failed", path.code),
  );
  const ku = trust.signer.keyUsage;
  checks.push(
    ku === null || ku.has(0) || ku.has(1)
      ? check("key_usage", "passed")
      : check("key_usage", "failed", "key_usage_invalid"),
  );
  if (!path.ok) {
    checks.push(check("revocation", "skipped", "revocation_not_checked"));
    return { level: null, protectedUntil: null };
  }
  const signerTimes = { usage: at, at, now };
  const revocation = await pathRevocation(path.path, signerTimes, data, kit);
  checks.push(revocationCheck(revocation));
  if (!stamped) return { level: "B-B", protectedUntil: minNotAfter(path.path) };
  const tsaTimes = { usage: stamped.token.time, at: stamped.at, now };
  const tsaRevocation = await pathRevocation(stamped.path, tsaTimes, data, kit);
  if (revocation.status !== "good" || tsaRevocation.status !== "good")
    return { level: "B-T", protectedUntil: minNotAfter(path.path, stamped.path) };
  const newest = proofs[0];
  if (newest) {
    const keys = new Set<string>();
    for (const p of proofs) for (const k of await setting.dssKeysAt(p.end)) keys.add(k);
    const covered = revocationDataWithin(data, keys);
    const archived =
      (await pathRevocation(path.path, signerTimes, covered, kit)).status === "good" &&
      (await pathRevocation(stamped.path, tsaTimes, covered, kit)).status === "good";
    if (archived) return { level: "B-LTA", protectedUntil: minNotAfter(newest.path) };
  }
  return { level: "B-LT", protectedUntil: minNotAfter(stamped.path) };
}
