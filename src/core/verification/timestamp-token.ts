import * as pkijs from "pkijs";
import { OID } from "../signing/oids.ts";
import { bufferSource } from "./buffer-source.ts";
import { nameAttribute, nameToString, type ParsedCertificate } from "./parsed-certificate.ts";
import { bytesEqual } from "./pdf/pdf-values.ts";
import { hashName, type VerifierKit } from "./signature-algorithms.ts";
import { checkSignerInfo, parseSignedData } from "./signed-data.ts";

/** An intact RFC 3161 token: what its TSA's trust is then checked with, at a validation time. */
export interface TimestampToken {
  time: Date;
  tsa: string | null;
  /** The TSA certificate (extendedKeyUsage timeStamping). */
  signer: ParsedCertificate;
  /** The certificates the token carries. */
  certificates: ParsedCertificate[];
}

/** Outcome of reading a token: intact, or not (with what could be read, for the report). */
export type TimestampTokenRead =
  | { intact: true; token: TimestampToken }
  | { intact: false; time: Date | null; tsa: string | null };

/**
 * Checks what a timestamp token proves by itself: its TSTInfo imprint is the digest of
 * `imprintData`, its CMS signature and ESS binding hold, and the TSA certificate has
 * extendedKeyUsage timeStamping and was valid at the token's time. Whether the TSA is trusted
 * (its path to an anchor, its revocation) depends on the validation time and is checked later.
 */
export async function readTimestampToken(
  token: Uint8Array,
  imprintData: Uint8Array,
  kit: VerifierKit,
): Promise<TimestampTokenRead> {
  let time: Date | null = null;
  let tsa: string | null = null;
  const invalid = () => ({ intact: false as const, time, tsa });
  try {
    const p = parseSignedData(token, kit);
    if (p.eContentType !== OID.tstInfo || !p.eContent) return invalid();
    const eContent = p.eContent;
    const tst = pkijs.TSTInfo.fromBER(bufferSource(eContent));
    time = Number.isFinite(tst.genTime.getTime()) ? tst.genTime : null;
    tsa = p.signer
      ? (nameAttribute(p.signer.cert.subject, "2.5.4.3") ?? nameToString(p.signer.cert.subject))
      : null;
    const h = hashName(tst.messageImprint.hashAlgorithm.algorithmId);
    if (!h || h === "SHA-1" || !time) return invalid();
    if (
      !bytesEqual(
        tst.messageImprint.hashedMessage.valueBlock.valueHexView,
        await kit.crypto.digest(h, imprintData),
      )
    )
      return invalid();
    const si = await checkSignerInfo(p, (hash) => kit.crypto.digest(hash, eContent), OID.tstInfo, kit);
    const signer = p.signer;
    if (si.digest !== "ok" || si.signature !== "ok" || si.signingCertificate !== "ok" || !signer)
      return invalid();
    if (!signer.extKeyUsage?.includes(OID.timeStamping)) return invalid();
    if (time < signer.notBefore || time > signer.notAfter) return invalid();
    return { intact: true, token: { time, tsa, signer, certificates: p.certificates } };
  } catch {
    return invalid();
  }
}
