import { X509Certificate } from "node:crypto";
import { isHardwareKeyReference } from "../../core/signing/hardware-key-reference.ts";
import type { RevocationUrls } from "../../core/signing/pki-paths.ts";
import type {
  NewIdentityMaterial,
  SigningIdentityRecord,
  SigningKeys,
} from "../../core/signing/signing.ports.ts";
import type { PdfSigner } from "../../core/signing/signing.types.ts";
import { createPdfSigner } from "../pdf/pdf-signer.ts";
import {
  type CertificateAuthority,
  createCrl,
  createDevelopmentPki,
  issueSigningCertificate,
} from "./dev-pki.ts";
import { currentMasterKey, importPkcs12, openPrivateKey, sealPrivateKey } from "./key-envelope.ts";
import { openAuthority } from "./open-authority.ts";

const notAfterOf = (der: Uint8Array) => new Date(new X509Certificate(Buffer.from(der)).validTo);
const serialOf = (der: Uint8Array) => new X509Certificate(Buffer.from(der)).serialNumber.toLowerCase();

/**
 * Signing keys sealed under the master key (AES-256-GCM envelopes) and kept in the database.
 * Keys are opened only here, when a signer is first needed; signers are cached per identity.
 * Given several master keys (a rotation: the current one first), keys are sealed under the first
 * and opened with any.
 */
export function sealedSigningKeys(
  masterKeys: Buffer | readonly Buffer[],
  options: {
    crlUrl: string;
    portalName?: string;
    /** AIA (OCSP, CA issuers) and CDP of new certificates, by issuer key id; absent: the CDP `crlUrl` only. */
    revocationUrls?: (issuerKeyId: string) => RevocationUrls;
    /** How signers reach their timestamp authority (default: global fetch). */
    fetch?: typeof fetch;
  },
): SigningKeys {
  const keys = Buffer.isBuffer(masterKeys) ? [masterKeys] : [...masterKeys];
  const masterKey = currentMasterKey(keys);
  const signers = new Map<string, PdfSigner>();

  const authority = (certificateDer: Uint8Array, sealedKey: Uint8Array, issuers: Uint8Array[]) =>
    openAuthority(keys, certificateDer, sealedKey, issuers);

  return {
    async createPortalAuthorities() {
      const pki = await createDevelopmentPki({
        portalName: options.portalName ?? "Sceau",
        crlUrl: options.crlUrl,
        ...(options.revocationUrls ? { revocationUrls: options.revocationUrls } : {}),
      });
      const material = (ca: CertificateAuthority): NewIdentityMaterial => ({
        chainDer: ca.chainDer,
        sealedKey: sealPrivateKey(masterKey, ca.privateKeyPkcs8),
        serialNumber: serialOf(ca.certificateDer),
        notAfter: notAfterOf(ca.certificateDer),
      });
      return { root: material(pki.root), issuing: material(pki.issuing) };
    },

    async issueIdentity(authorities, subject, algorithm) {
      const issuing = authority(authorities.issuing.certificateDer, authorities.issuing.sealedKey, [
        authorities.root.certificateDer,
      ]);
      const m = await issueSigningCertificate(issuing, {
        ...subject,
        crlUrl: options.crlUrl,
        ...(options.revocationUrls ? { revocationUrls: options.revocationUrls } : {}),
        keyAlgorithm: algorithm,
      });
      return {
        chainDer: m.chainDer,
        sealedKey: sealPrivateKey(masterKey, m.privateKeyPkcs8),
        serialNumber: m.serialNumber,
        notAfter: notAfterOf(m.certificateDer),
      };
    },

    async importPkcs12(p12, password) {
      const { chainDer, pkcs8 } = await importPkcs12(Buffer.from(p12), password);
      const leaf = chainDer[0];
      if (!leaf) throw new Error("the PKCS#12 holds no certificate");
      return {
        chainDer,
        sealedKey: sealPrivateKey(masterKey, pkcs8),
        serialNumber: serialOf(leaf),
        notAfter: notAfterOf(leaf),
      };
    },

    signerFor(identity: SigningIdentityRecord, tsaUrl) {
      const cacheKey = `${identity.id}|${tsaUrl ?? ""}`;
      let signer = signers.get(cacheKey);
      if (!signer) {
        if (isHardwareKeyReference(identity.sealedKey))
          throw new Error("this signing identity's key is on a hardware token: set SIGNING_KEYS=pkcs11");
        signer = createPdfSigner({
          chainDer: identity.chainDer,
          privateKeyPkcs8: openPrivateKey(keys, Buffer.from(identity.sealedKey)),
          ...(tsaUrl ? { tsaUrl } : {}),
          ...(options.fetch ? { fetch: options.fetch } : {}),
        });
        signers.set(cacheKey, signer);
      }
      return signer;
    },

    async crl(issuing, revoked, now) {
      const ca = authority(issuing.certificateDer, issuing.sealedKey, []);
      return new Uint8Array(await createCrl(ca, revoked, now));
    },
  };
}
