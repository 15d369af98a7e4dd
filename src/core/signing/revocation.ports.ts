import type { RevocationReason, RevokedEntry } from "./revocation.types.ts";
import type { PortalAuthorityRecord } from "./signing.ports.ts";

/** A delegated OCSP signing certificate issued by a portal CA, its key sealed like the CA's. */
export interface OcspSignerRecord {
  id: string;
  authorityId: string;
  certificateDer: Uint8Array;
  sealedKey: Uint8Array;
  notAfter: Date;
  createdAt: Date;
}

export interface OcspSignerStore {
  /** The CA's signing certificate that expires last, or null. */
  newest(authorityId: string): Promise<OcspSignerRecord | null>;
  add(input: Omit<OcspSignerRecord, "id" | "createdAt">): Promise<OcspSignerRecord>;
}

/** What the portal reads in a certificate. */
export interface CertificateFacts {
  /** Lowercase hexadecimal, without leading zeros. */
  serialNumber: string;
  /** SHA-1 of the subject public key (lowercase hex): the CA's name in URLs and OCSP key hashes. */
  keyId: string;
  /** The authority key identifier (lowercase hex), or null when absent. */
  authorityKeyId: string | null;
  notAfter: Date;
}

/** One CertID of an OCSP request. */
export interface OcspCertId {
  /** The CertID's hash algorithm (OID, dotted). */
  hashAlgorithm: string;
  /** Hashes of the issuer's name and public key (lowercase hex). */
  issuerNameHash: string;
  issuerKeyHash: string;
  /** Lowercase hexadecimal, without leading zeros. */
  serialNumber: string;
  /** The CertID as received (DER), echoed in the answer. */
  der: Uint8Array;
}

/** An OCSP request as the responder needs it; its optional signature is not checked (RFC 6960 §4.1.2). */
export interface OcspRequestInfo {
  certIds: OcspCertId[];
  /** The id-pkix-ocsp-nonce extension's value, echoed in the answer, or null. */
  nonce: Uint8Array | null;
}

export type OcspCertStatus =
  | { status: "good" }
  | { status: "revoked"; revokedAt: Date; reason: RevocationReason | null }
  | { status: "unknown" };

/** OCSPResponseStatus values other than successful (RFC 6960 §4.2.1). */
export type OcspErrorStatus = "malformedRequest" | "internalError" | "tryLater" | "unauthorized";

/**
 * The cryptography of the portal's revocation services (OCSP and CRLs). Keys exist in clear only
 * inside this port, as in SigningKeys.
 */
export interface RevocationSigner {
  describe(certificateDer: Uint8Array): CertificateFacts;
  /** Decodes an OCSP request; null when it is not one (malformedRequest). Never throws. */
  readOcspRequest(der: Uint8Array): OcspRequestInfo | null;
  /** True when the CertID names this CA: its subject name and public key, hashed with the CertID's algorithm. */
  namesIssuer(certId: OcspCertId, caCertificateDer: Uint8Array): boolean;
  /** A new delegated OCSP signing certificate (EKU OCSPSigning, id-pkix-ocsp-nocheck, short validity) issued by the CA. */
  issueOcspSigner(
    ca: PortalAuthorityRecord,
    now: Date,
  ): Promise<Omit<OcspSignerRecord, "id" | "createdAt" | "authorityId">>;
  /** A successful OCSPResponse (BasicOCSPResponse signed by the delegated certificate, responder id by key hash). */
  ocspResponse(
    signer: OcspSignerRecord,
    answers: { certId: OcspCertId; status: OcspCertStatus }[],
    nonce: Uint8Array | null,
    now: Date,
  ): Promise<Uint8Array>;
  /** An OCSPResponse with this error status and no body. */
  ocspError(status: OcspErrorStatus): Uint8Array;
  /** The CA's CRL (DER), signed by the CA. */
  crl(ca: PortalAuthorityRecord, revoked: RevokedEntry[], now: Date): Promise<Uint8Array>;
}
