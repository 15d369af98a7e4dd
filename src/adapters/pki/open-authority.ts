import type { CertificateAuthority } from "./dev-pki.ts";
import { openPrivateKey } from "./key-envelope.ts";

/** A portal CA with its private key opened from its envelope (for issuing certificates and CRLs). */
export function openAuthority(
  masterKey: Buffer | readonly Buffer[],
  certificateDer: Uint8Array,
  sealedKey: Uint8Array,
  issuers: Uint8Array[],
): CertificateAuthority {
  const der = Buffer.from(certificateDer);
  return {
    certificateDer: der,
    certificatePem: "",
    privateKeyPkcs8: openPrivateKey(masterKey, Buffer.from(sealedKey)),
    chainDer: [der, ...issuers.map((d) => Buffer.from(d))],
  };
}
