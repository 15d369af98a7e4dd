import type { NewIdentityMaterial, PortalAuthorityRecord } from "../signing/signing.ports.ts";

/**
 * The portal's RFC 3161 timestamp authority: its key is sealed like the CA keys and opened only
 * inside this port.
 */
export interface TimestampAuthorityKeys {
  /**
   * A new TSA key and certificate under the portal's issuing CA (extendedKeyUsage timeStamping
   * only, critical), its key sealed. `chainDer` is the TSA certificate then its issuers.
   */
  createTimestampAuthority(
    authorities: { root: PortalAuthorityRecord; issuing: PortalAuthorityRecord },
    now: Date,
  ): Promise<NewIdentityMaterial>;
  /** The last instant a TSA certificate is valid. */
  certificateNotAfter(certificateDer: Uint8Array): Date;
  /**
   * Answers a DER TimeStampReq with a DER TimeStampResp: a token signed by `tsa` (its issuers
   * `issuersDer` are included when the request asks for certificates), or a rejection with a
   * failure reason for a request it cannot accept. Never throws for a bad request.
   */
  answer(
    tsa: PortalAuthorityRecord,
    issuersDer: Uint8Array[],
    query: Uint8Array,
    now: Date,
  ): Promise<Uint8Array>;
}
