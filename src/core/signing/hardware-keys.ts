import type { HardwareKeyReference } from "./hardware-key-reference.ts";
import type { NewIdentityMaterial, PortalAuthorityRecord } from "./signing.ports.ts";
import type { KeyAlgorithm } from "./signing.types.ts";

/** A key pair generated on the hardware token: its private half never leaves it. */
export interface HardwareKey extends HardwareKeyReference {
  /** CKA_LABEL of the key pair. */
  label: string;
  algorithm: KeyAlgorithm;
  /** The public key, SubjectPublicKeyInfo DER. */
  publicKeySpki: Uint8Array;
}

/** The subject of an institution's signing certificate (as {@link SigningKeys.issueIdentity} takes it). */
export interface CertificateSubject {
  institutionName: string;
  organization: string;
  /** ISO 3166 two-letter code. */
  country: string;
}

/**
 * Keys on a hardware security module (PKCS#11). Only present when the portal is configured with
 * SIGNING_KEYS=pkcs11; `SigningKeys` then signs with these keys for identities that refer to them.
 */
export interface HardwareKeys {
  /** Generates a key pair on the token: private key sensitive, not extractable, stored on the token. */
  generate(algorithm: KeyAlgorithm, label: string): Promise<HardwareKey>;
  /** Every signing key pair on the token, in the token's order. */
  list(): Promise<HardwareKey[]>;
  /** The key pair with this CKA_ID (hex) or PKCS#11 URI; null when the token has none. */
  find(idOrUri: string): Promise<HardwareKey | null>;
  /** A PKCS#10 certificate signing request (DER) for the key, signed by the token. */
  certificateRequest(key: HardwareKey, subject: CertificateSubject): Promise<Uint8Array>;
  /** A certificate for the key from the portal's issuing CA (development PKI). */
  certify(
    authorities: { root: PortalAuthorityRecord; issuing: PortalAuthorityRecord },
    key: HardwareKey,
    subject: CertificateSubject,
  ): Promise<NewIdentityMaterial>;
  /**
   * The identity material of a certificate chain (leaf first) that another CA issued for the key;
   * throws when the leaf certifies another public key.
   */
  withCertificate(key: HardwareKey, chainDer: Uint8Array[]): NewIdentityMaterial;
}
