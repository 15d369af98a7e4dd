import { type ParsedCrl, parseCrl } from "./parse-crl.ts";
import { type ParsedOcspResponse, parseOcspResponse } from "./parse-ocsp-response.ts";
import { type ParsedCertificate, parseCertificateCached } from "./parsed-certificate.ts";
import type { DssContents } from "./read-dss.ts";
import { bytesKey, type VerificationCache } from "./signature-algorithms.ts";

/** An item of validation data, with the key of its DER bytes (to tell which revisions hold it). */
export type Keyed<T> = T & { key: string; verified: Map<string, boolean> };

/** The embedded validation data a verification may use. */
export interface RevocationData {
  /** Certificates of the DSS (they join the pool for path building). */
  certificates: ParsedCertificate[];
  ocsps: Keyed<ParsedOcspResponse>[];
  crls: Keyed<ParsedCrl>[];
}

/** The key {@link RevocationData} items and {@link DssContents} items are compared by. */
export const itemKey = (der: Uint8Array): string => bytesKey(der);

/** Parses a DSS's contents; unreadable items are left out. */
export function revocationDataOf(dss: DssContents, cache: VerificationCache): RevocationData {
  const certificates: ParsedCertificate[] = [];
  for (const der of dss.certificates) {
    try {
      certificates.push(parseCertificateCached(der, cache));
    } catch {
      // not a certificate
    }
  }
  const ocsps: Keyed<ParsedOcspResponse>[] = [];
  for (const der of dss.ocspResponses) {
    const parsed = parseOcspResponse(der, cache);
    if (parsed) ocsps.push({ ...parsed, key: itemKey(der), verified: new Map() });
  }
  const crls: Keyed<ParsedCrl>[] = [];
  for (const der of dss.crls) {
    const parsed = parseCrl(der);
    if (parsed) crls.push({ ...parsed, key: itemKey(der), verified: new Map() });
  }
  return { certificates, ocsps, crls };
}

/** Only the OCSP responses and CRLs whose bytes are among `keys` (those a document timestamp covers). */
export function revocationDataWithin(data: RevocationData, keys: ReadonlySet<string>): RevocationData {
  return {
    certificates: data.certificates,
    ocsps: data.ocsps.filter((o) => keys.has(o.key)),
    crls: data.crls.filter((c) => keys.has(c.key)),
  };
}
