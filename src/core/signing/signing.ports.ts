import type { RevocationReason, RevokedEntry } from "./revocation.types.ts";
import type { KeyAlgorithm, PdfSigner } from "./signing.types.ts";

export interface PortalAuthorityRecord {
  id: string;
  /** "tsa": the built-in timestamp authority's certificate (under the issuing CA) and key. */
  kind: "root" | "issuing" | "tsa";
  certificateDer: Uint8Array;
  /** The private key sealed under the master key; only the SigningKeys adapter opens it. */
  sealedKey: Uint8Array;
  createdAt: Date;
  /** Revoked by the CA above it (a root is never revoked: it is removed from the trust anchors). */
  revokedAt: Date | null;
  revocationReason: RevocationReason | null;
}

export interface SigningIdentityRecord {
  id: string;
  institutionId: string;
  algorithm: KeyAlgorithm | "imported";
  /** The signer certificate first, then its issuers (DER). */
  chainDer: Uint8Array[];
  sealedKey: Uint8Array;
  serialNumber: string;
  notAfter: Date;
  createdAt: Date;
  retiredAt: Date | null;
  revokedAt: Date | null;
  revocationReason: RevocationReason | null;
}

export interface PortalAuthorityStore {
  list(): Promise<PortalAuthorityRecord[]>;
  add(
    input: Omit<PortalAuthorityRecord, "id" | "createdAt" | "revokedAt" | "revocationReason">,
  ): Promise<PortalAuthorityRecord>;
  /** Marks the CA revoked; null when absent or already revoked. */
  revoke(
    id: string,
    input: { now: Date; reason: RevocationReason | null },
  ): Promise<PortalAuthorityRecord | null>;
}

export interface SigningIdentityStore {
  active(institutionId: string): Promise<SigningIdentityRecord | null>;
  findById(id: string): Promise<SigningIdentityRecord | null>;
  /** Retires the institution's active identity, if any, and adds this one as active. Run inside a transaction. */
  replace(
    input: Omit<SigningIdentityRecord, "id" | "createdAt" | "retiredAt" | "revokedAt" | "revocationReason">,
    now: Date,
  ): Promise<SigningIdentityRecord>;
  /** Serial numbers and dates of revoked identities issued by the portal (for its CRL). */
  revoked(): Promise<{ serialNumber: string; revokedAt: Date }[]>;
  /** Revoked identities whose certificate this CA issued (the second certificate of their chain is `issuerDer`). */
  revokedUnder(issuerDer: Uint8Array): Promise<RevokedEntry[]>;
  /** Identities with this serial number (lowercase hex, leading zeros ignored), any institution. */
  findBySerialNumber(serialNumber: string): Promise<SigningIdentityRecord[]>;
  /** Revokes the identity (and retires it if active); null when absent or already revoked. */
  revoke(
    id: string,
    input: { now: Date; reason: RevocationReason | null },
  ): Promise<SigningIdentityRecord | null>;
}

/** Material for a new signing identity, with its private key already sealed. */
export interface NewIdentityMaterial {
  chainDer: Uint8Array[];
  sealedKey: Uint8Array;
  serialNumber: string;
  notAfter: Date;
}

/**
 * Key operations. Private keys exist in clear only inside this port (today: sealed under the
 * master key in the database; an HSM adapter can implement the same port).
 */
export interface SigningKeys {
  createPortalAuthorities(): Promise<{ root: NewIdentityMaterial; issuing: NewIdentityMaterial }>;
  issueIdentity(
    authorities: { root: PortalAuthorityRecord; issuing: PortalAuthorityRecord },
    subject: { institutionName: string; organization: string; country: string },
    algorithm: KeyAlgorithm,
  ): Promise<NewIdentityMaterial>;
  /** Reads a PKCS#12 (certificate chain + key); throws on a wrong password or unusable file. */
  importPkcs12(p12: Uint8Array, password: string): Promise<NewIdentityMaterial>;
  /** A signer for this identity (cached per identity). */
  signerFor(identity: SigningIdentityRecord, tsaUrl: string | null): PdfSigner;
  /** The issuing CA's CRL, DER. */
  crl(
    issuing: PortalAuthorityRecord,
    revoked: { serialNumber: string; revokedAt: Date }[],
    now: Date,
  ): Promise<Uint8Array>;
}

/** Validation data could not be had for some certificates (each named, with why). */
export class ValidationDataUnavailable extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`validation data unavailable: ${problems.join(" | ")}`);
    this.name = "ValidationDataUnavailable";
  }
}

/** PAdES B-LT and B-LTA steps, each one incremental update that the certification signature allows. */
export interface LongTermValidation {
  /**
   * Appends a DSS with every certificate and the revocation data (OCSP, else CRL, fetched at
   * `now`) that validate the file's newest signature or document timestamp and the timestamps in
   * it, and that signature's VRI entry. Throws {@link ValidationDataUnavailable}.
   */
  addValidationData(pdf: Uint8Array, anchorsDer: readonly Uint8Array[], now: Date): Promise<Uint8Array>;
  /**
   * Appends a document timestamp (SubFilter ETSI.RFC3161) from `tsaUrl`, then its TSA's validation
   * data when the DSS lacks it; `archiveUntil` is when that timestamp stops protecting the file
   * (its TSA certificate's expiry).
   */
  addArchiveTimestamp(
    pdf: Uint8Array,
    tsaUrl: string,
    anchorsDer: readonly Uint8Array[],
    now: Date,
  ): Promise<{ bytes: Uint8Array; archiveUntil: Date }>;
}
