import * as pkijs from "pkijs";
import { OID } from "../signing/oids.ts";
import { bufferSource } from "./buffer-source.ts";
import { buildCertificatePath } from "./certificate-path.ts";
import { nameAttribute, nameToString, type ParsedCertificate } from "./parsed-certificate.ts";
import { bytesEqual } from "./pdf/pdf-values.ts";
import { hashName, type VerifierKit } from "./signature-algorithms.ts";
import { checkSignerInfo, parseSignedData } from "./signed-data.ts";

/** Outcome of checking an RFC 3161 timestamp token. */
export interface TimestampTokenCheck {
  /** "untrusted": intact and well-formed, but the TSA does not chain to the trust anchors. */
  status: "ok" | "invalid" | "untrusted";
  time: Date | null;
  tsa: string | null;
}

/**
 * Verifies a timestamp token: its TSTInfo imprint is the digest of `imprintData`, its CMS signature
 * and ESS binding hold, the TSA certificate has extendedKeyUsage timeStamping, and (for "ok") the
 * TSA chains to `anchors` at the token's time.
 */
export async function verifyTimestampToken(
  token: Uint8Array,
  imprintData: Uint8Array,
  anchors: readonly ParsedCertificate[],
  kit: VerifierKit,
): Promise<TimestampTokenCheck> {
  let time: Date | null = null;
  let tsa: string | null = null;
  try {
    const p = parseSignedData(token, kit);
    if (p.eContentType !== OID.tstInfo || !p.eContent) return { status: "invalid", time, tsa };
    const eContent = p.eContent;
    const tst = pkijs.TSTInfo.fromBER(bufferSource(eContent));
    time = tst.genTime;
    tsa = p.signer
      ? (nameAttribute(p.signer.cert.subject, "2.5.4.3") ?? nameToString(p.signer.cert.subject))
      : null;
    const h = hashName(tst.messageImprint.hashAlgorithm.algorithmId);
    if (!h || h === "SHA-1") return { status: "invalid", time, tsa };
    if (
      !bytesEqual(
        tst.messageImprint.hashedMessage.valueBlock.valueHexView,
        await kit.crypto.digest(h, imprintData),
      )
    )
      return { status: "invalid", time, tsa };
    const si = await checkSignerInfo(p, (hash) => kit.crypto.digest(hash, eContent), OID.tstInfo, kit);
    if (si.digest !== "ok" || si.signature !== "ok" || si.signingCertificate !== "ok" || !p.signer)
      return { status: "invalid", time, tsa };
    if (!p.signer.extKeyUsage?.includes(OID.timeStamping)) return { status: "invalid", time, tsa };
    const path = await buildCertificatePath(p.signer, p.certificates, anchors, tst.genTime, kit);
    return { status: path.ok ? "ok" : "untrusted", time, tsa };
  } catch {
    return { status: "invalid", time, tsa };
  }
}
