import { createHash, sign } from "node:crypto";
import { oid, tlv } from "../../core/signing/der.ts";
import type {
  CertificateFacts,
  OcspSignerRecord,
  RevocationSigner,
} from "../../core/signing/revocation.ports.ts";
import type { PortalAuthorityRecord } from "../../core/signing/signing.ports.ts";
import { certificateFacts, certificateParts } from "./certificate-facts.ts";
import { type CertificateAuthority, createCrl } from "./dev-pki.ts";
import { currentMasterKey, openedKeys, openPrivateKey, sealPrivateKey } from "./key-envelope.ts";
import {
  errorResponse,
  namesCertificate,
  readOcspRequest,
  responseData,
  successfulResponse,
} from "./ocsp-codec.ts";
import { issueOcspSigningCertificate } from "./ocsp-signing-certificate.ts";

/** How long an OCSP answer may be cached (nextUpdate): the status is read live from the database. */
export const OCSP_NEXT_UPDATE_MS = 3_600_000;

const SHA256_WITH_RSA = tlv(0x30, oid("1.2.840.113549.1.1.11"), Uint8Array.of(0x05, 0x00));
const ECDSA_WITH_SHA256 = tlv(0x30, oid("1.2.840.10045.4.3.2"));

/**
 * The portal's revocation services' cryptography: CRLs signed by the CA keys, OCSP answers signed
 * by delegated OCSP signing certificates whose keys are sealed under the master key like the CAs'.
 * Opened keys and parsed certificates are kept per instance (no module state).
 */
export function sealedRevocationSigner(masterKeys: Buffer | readonly Buffer[]): RevocationSigner {
  const facts = new Map<string, CertificateFacts>();
  const keyOf = openedKeys(masterKeys);
  const digest = (der: Uint8Array) => createHash("sha256").update(der).digest("hex");

  const authority = (ca: PortalAuthorityRecord): CertificateAuthority => {
    const der = Buffer.from(ca.certificateDer);
    return {
      certificateDer: der,
      certificatePem: "",
      privateKeyPkcs8: openPrivateKey(masterKeys, Buffer.from(ca.sealedKey)),
      chainDer: [der],
    };
  };

  return {
    describe(der) {
      const key = digest(der);
      let found = facts.get(key);
      if (!found) {
        found = certificateFacts(der);
        if (facts.size > 1000) facts.clear();
        facts.set(key, found);
      }
      return found;
    },

    readOcspRequest,

    namesIssuer(certId, caDer) {
      return namesCertificate(certId, certificateParts(caDer));
    },

    async issueOcspSigner(ca, now) {
      const issued = await issueOcspSigningCertificate(authority(ca), now);
      return {
        certificateDer: issued.certificateDer,
        sealedKey: sealPrivateKey(currentMasterKey(masterKeys), issued.privateKeyPkcs8),
        notAfter: issued.notAfter,
      };
    },

    async ocspResponse(signer: OcspSignerRecord, answers, nonce, now) {
      const key = keyOf(signer.id, signer.sealedKey);
      const responderKeyHash = createHash("sha1")
        .update(certificateParts(signer.certificateDer).publicKeyBits)
        .digest();
      const tbs = responseData({
        responderKeyHash,
        producedAt: now,
        nextUpdate: new Date(now.getTime() + OCSP_NEXT_UPDATE_MS),
        answers,
        nonce,
      });
      return successfulResponse({
        tbs,
        signatureAlgorithm: key.asymmetricKeyType === "ec" ? ECDSA_WITH_SHA256 : SHA256_WITH_RSA,
        signature: sign("sha256", tbs, key),
        certificates: [signer.certificateDer],
      });
    },

    ocspError: errorResponse,

    async crl(ca, revoked, now) {
      return new Uint8Array(await createCrl(authority(ca), revoked, now));
    },
  };
}
