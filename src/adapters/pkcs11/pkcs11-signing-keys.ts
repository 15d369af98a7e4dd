import { X509Certificate } from "node:crypto";
import {
  type HardwareKeyReference,
  hardwareKeyReferenceBytes,
  parseHardwareKeyReference,
} from "../../core/signing/hardware-key-reference.ts";
import type { HardwareKey, HardwareKeys } from "../../core/signing/hardware-keys.ts";
import type { RevocationUrls } from "../../core/signing/pki-paths.ts";
import type { NewIdentityMaterial, SigningKeys } from "../../core/signing/signing.ports.ts";
import type { PdfSigner } from "../../core/signing/signing.types.ts";
import { createPdfSigner } from "../pdf/pdf-signer.ts";
import { certifySigningKey } from "../pki/dev-pki.ts";
import { openAuthority } from "../pki/open-authority.ts";
import { sealedSigningKeys } from "../pki/sealed-signing-keys.ts";
import { certificateRequest } from "./certificate-request.ts";
import { findKeyPair, generateKeyPair, listKeyPairs } from "./pkcs11-key-pairs.ts";
import { pkcs11SignatureKey } from "./pkcs11-signature-key.ts";
import { openPkcs11Token, type Pkcs11Token, type Pkcs11TokenOptions } from "./pkcs11-token.ts";

/** Signing keys on a PKCS#11 token, and the token's key management; close() ends the token's sessions. */
export interface Pkcs11SigningKeys extends SigningKeys, HardwareKeys {
  close(): void;
}

/**
 * `SigningKeys` whose institution signing keys are generated on a hardware token and never leave
 * it: a new identity (`sceau pki rotate`, the first document of an institution outside production)
 * gets a key pair on the token and the portal CA's certificate for it; its record stores the key's
 * PKCS#11 URI instead of a sealed key. Identities sealed before (and PKCS#12 imports) keep signing
 * with their sealed keys, and the portal's own CA keys stay sealed under the master key. The token
 * is opened at its first use.
 */
export function pkcs11SigningKeys(
  masterKey: Buffer | readonly Buffer[],
  options: {
    crlUrl: string;
    revocationUrls?: (issuerKeyId: string) => RevocationUrls;
    portalName?: string;
    token: Pkcs11TokenOptions;
    /** How signers reach their timestamp authority (default: global fetch). */
    fetch?: typeof fetch;
  },
): Pkcs11SigningKeys {
  const sealed = sealedSigningKeys(masterKey, options);
  const signers = new Map<string, PdfSigner>();
  let opened: Pkcs11Token | null = null;
  const token = (): Pkcs11Token => {
    opened ??= openPkcs11Token(options.token);
    return opened;
  };
  /** The configured token, if the reference names it. */
  const tokenFor = (ref: Pick<HardwareKeyReference, "token">): Pkcs11Token => {
    const t = token();
    if (t.label !== ref.token)
      throw new Error(`the key is on the PKCS#11 token "${ref.token}", the portal uses "${t.label}"`);
    return t;
  };
  const signatureKey = (ref: HardwareKeyReference, certificateDer: Uint8Array) => {
    const publicKey = new X509Certificate(Buffer.from(certificateDer)).publicKey;
    const rsa = publicKey.asymmetricKeyType === "rsa";
    const bits = publicKey.asymmetricKeyDetails?.modulusLength ?? 4096;
    return pkcs11SignatureKey(() => tokenFor(ref), {
      id: ref.id,
      type: rsa ? "rsa" : "ec",
      modulusBytes: Math.ceil(bits / 8),
    });
  };
  const material = (key: HardwareKey, chainDer: Uint8Array[]): NewIdentityMaterial => {
    const leaf = chainDer[0];
    if (!leaf) throw new Error("the certificate chain is empty");
    const cert = new X509Certificate(Buffer.from(leaf));
    const certified = cert.publicKey.export({ type: "spki", format: "der" });
    if (!certified.equals(Buffer.from(key.publicKeySpki)))
      throw new Error(`the certificate ${cert.serialNumber} is not for the key ${key.id}`);
    return {
      chainDer,
      sealedKey: hardwareKeyReferenceBytes(key),
      serialNumber: cert.serialNumber.toLowerCase(),
      notAfter: new Date(cert.validTo),
    };
  };

  const keys: Pkcs11SigningKeys = {
    createPortalAuthorities: () => sealed.createPortalAuthorities(),
    importPkcs12: (p12, password) => sealed.importPkcs12(p12, password),
    crl: (issuing, revoked, now) => sealed.crl(issuing, revoked, now),

    async issueIdentity(authorities, subject, algorithm) {
      const label = `Sceau ${subject.institutionName} ${new Date().toISOString()}`;
      return keys.certify(authorities, await keys.generate(algorithm, label), subject);
    },

    signerFor(identity, tsaUrl) {
      const ref = parseHardwareKeyReference(identity.sealedKey);
      if (!ref) return sealed.signerFor(identity, tsaUrl);
      const cacheKey = `${identity.id}|${tsaUrl ?? ""}`;
      let signer = signers.get(cacheKey);
      const leaf = identity.chainDer[0];
      if (!signer && leaf) {
        signer = createPdfSigner({
          chainDer: identity.chainDer,
          key: signatureKey(ref, leaf),
          ...(tsaUrl ? { tsaUrl } : {}),
          ...(options.fetch ? { fetch: options.fetch } : {}),
        });
        signers.set(cacheKey, signer);
      }
      if (!signer) throw new Error("the certificate chain is empty");
      return signer;
    },

    generate: (algorithm, label) => generateKeyPair(token(), algorithm, label),
    list: () => listKeyPairs(token()),

    async find(idOrUri) {
      const ref = idOrUri.startsWith("pkcs11:")
        ? parseHardwareKeyReference(idOrUri)
        : { token: token().label, id: idOrUri.toLowerCase() };
      if (!ref || !/^([0-9a-f]{2})+$/.test(ref.id) || ref.token !== token().label) return null;
      return findKeyPair(token(), ref.id);
    },

    certificateRequest(key, subject) {
      const t = tokenFor(key);
      const signer = pkcs11SignatureKey(() => t, {
        id: key.id,
        type: key.algorithm === "ECDSA-P256" ? "ec" : "rsa",
        modulusBytes: key.algorithm === "RSA-3072" ? 384 : 256,
      });
      return certificateRequest(key.publicKeySpki, signer, subject);
    },

    async certify(authorities, key, subject) {
      const issuing = openAuthority(
        masterKey,
        authorities.issuing.certificateDer,
        authorities.issuing.sealedKey,
        [authorities.root.certificateDer],
      );
      const cert = await certifySigningKey(issuing, key.publicKeySpki, {
        ...subject,
        crlUrl: options.crlUrl,
        ...(options.revocationUrls ? { revocationUrls: options.revocationUrls } : {}),
      });
      return material(key, cert.chainDer);
    },

    withCertificate: material,

    close() {
      opened?.close();
      opened = null;
      signers.clear();
    },
  };
  return keys;
}
