import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { bufferSource } from "./buffer-source.ts";
import { type ParsedCertificate, parseCertificateCached } from "./parsed-certificate.ts";
import type { VerificationCache } from "./signature-algorithms.ts";

/** id-pkix-ocsp-basic (RFC 6960 §4.2.1). */
const OCSP_BASIC = "1.3.6.1.5.5.7.48.1.1";
const MAX_SINGLE_RESPONSES = 64;
const MAX_RESPONDER_CERTIFICATES = 8;

/** One SingleResponse: the certificate it names (CertID) and what it says. */
export interface OcspSingleResponse {
  hashAlgorithm: string;
  issuerNameHash: Uint8Array;
  issuerKeyHash: Uint8Array;
  /** The serial number's INTEGER contents, as encoded. */
  serial: Uint8Array;
  status: "good" | "revoked" | "unknown";
  revokedAt: Date | null;
  thisUpdate: Date;
  nextUpdate: Date | null;
}

/** A successful basic OCSP response, its signed part kept as received. */
export interface ParsedOcspResponse {
  tbs: Uint8Array;
  signatureAlgorithm: string;
  signatureParams: unknown;
  signature: Uint8Array;
  producedAt: Date;
  responses: OcspSingleResponse[];
  /** Certificates the responder attached (a delegated responder's own, usually). */
  certificates: ParsedCertificate[];
}

function certStatus(value: unknown): { status: OcspSingleResponse["status"]; revokedAt: Date | null } {
  if (!(value instanceof asn1js.BaseBlock) || value.idBlock.tagClass !== 3)
    return { status: "unknown", revokedAt: null };
  if (value.idBlock.tagNumber === 0) return { status: "good", revokedAt: null };
  if (value.idBlock.tagNumber === 1 && value instanceof asn1js.Constructed) {
    const time = value.valueBlock.value[0];
    if (time instanceof asn1js.GeneralizedTime) return { status: "revoked", revokedAt: time.toDate() };
  }
  return { status: "unknown", revokedAt: null };
}

function validDate(d: Date | undefined): Date | null {
  return d instanceof Date && Number.isFinite(d.getTime()) ? d : null;
}

/**
 * Reads a DER OCSPResponse (RFC 6960 §4.2.1) with status successful and a BasicOCSPResponse;
 * null for anything else (an error status, another response type, malformed bytes). The
 * signature is not checked here.
 */
export function parseOcspResponse(der: Uint8Array, cache: VerificationCache): ParsedOcspResponse | null {
  try {
    const response = pkijs.OCSPResponse.fromBER(bufferSource(der));
    if (response.responseStatus.valueBlock.valueDec !== 0) return null;
    const bytes = response.responseBytes;
    if (!bytes || bytes.responseType !== OCSP_BASIC) return null;
    const basic = pkijs.BasicOCSPResponse.fromBER(bufferSource(bytes.response.valueBlock.valueHexView));
    const data = basic.tbsResponseData;
    const producedAt = validDate(data.producedAt);
    if (!producedAt || data.tbsView.length === 0) return null;
    const responses: OcspSingleResponse[] = [];
    for (const single of data.responses.slice(0, MAX_SINGLE_RESPONSES)) {
      const thisUpdate = validDate(single.thisUpdate);
      if (!thisUpdate) continue;
      const id = single.certID;
      responses.push({
        hashAlgorithm: id.hashAlgorithm.algorithmId,
        issuerNameHash: id.issuerNameHash.valueBlock.valueHexView.slice(),
        issuerKeyHash: id.issuerKeyHash.valueBlock.valueHexView.slice(),
        serial: id.serialNumber.valueBlock.valueHexView.slice(),
        ...certStatus(single.certStatus),
        thisUpdate,
        nextUpdate: validDate(single.nextUpdate),
      });
    }
    const certificates: ParsedCertificate[] = [];
    for (const c of (basic.certs ?? []).slice(0, MAX_RESPONDER_CERTIFICATES)) {
      try {
        certificates.push(parseCertificateCached(new Uint8Array(c.toSchema().toBER(false)), cache));
      } catch {
        // an unreadable attached certificate is ignored
      }
    }
    return {
      tbs: data.tbsView.slice(),
      signatureAlgorithm: basic.signatureAlgorithm.algorithmId,
      signatureParams: basic.signatureAlgorithm.algorithmParams,
      signature: basic.signature.valueBlock.valueHexView.slice(),
      producedAt,
      responses,
      certificates,
    };
  } catch {
    return null;
  }
}
