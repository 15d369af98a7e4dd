import { X509Certificate } from "node:crypto";
import type { RevocationUrls } from "../../core/signing/pki-paths.ts";
import type { TimestampAuthorityKeys } from "../../core/timestamping/timestamping.ports.ts";
import { currentMasterKey, openedKeys, sealPrivateKey } from "./key-envelope.ts";
import { openAuthority } from "./open-authority.ts";
import { issueTimestampAuthorityCertificate } from "./timestamp-authority-certificate.ts";
import { timestampResponse } from "./timestamp-response.ts";

/**
 * The built-in RFC 3161 timestamp authority, its key sealed under the master key like the portal
 * CA keys (stored among the portal authorities, kind "tsa") and opened once per TSA certificate.
 */
export function sealedTimestampAuthority(
  masterKeys: Buffer | readonly Buffer[],
  options: { revocationUrls: (issuerKeyId: string) => RevocationUrls; portalName?: string },
): TimestampAuthorityKeys {
  const keyOf = openedKeys(masterKeys);
  return {
    async createTimestampAuthority(authorities, now) {
      const issuing = openAuthority(
        masterKeys,
        authorities.issuing.certificateDer,
        authorities.issuing.sealedKey,
        [authorities.root.certificateDer],
      );
      const m = await issueTimestampAuthorityCertificate(issuing, {
        revocationUrls: options.revocationUrls,
        now,
        ...(options.portalName ? { portalName: options.portalName } : {}),
      });
      const cert = new X509Certificate(m.certificateDer);
      return {
        chainDer: m.chainDer,
        sealedKey: sealPrivateKey(currentMasterKey(masterKeys), m.privateKeyPkcs8),
        serialNumber: cert.serialNumber.toLowerCase(),
        notAfter: new Date(cert.validTo),
      };
    },

    certificateNotAfter(certificateDer) {
      return new Date(new X509Certificate(Buffer.from(certificateDer)).validTo);
    },

    async answer(tsa, issuersDer, query, now) {
      const privateKey = keyOf(tsa.id, tsa.sealedKey);
      return timestampResponse({ certificateDer: tsa.certificateDer, issuersDer, privateKey }, query, now);
    },
  };
}
