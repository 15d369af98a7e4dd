import type { CoreDeps } from "../ports.ts";
import { certificateStatus } from "./certificate-status.ts";
import { ensureOcspSigner } from "./ensure-ocsp-signer.ts";
import type { OcspCertId, OcspCertStatus } from "./revocation.ports.ts";
import type { PortalAuthorityRecord } from "./signing.ports.ts";

/** CertIDs answered in one request at most; more is malformedRequest. */
export const OCSP_MAX_CERT_IDS = 20;

/**
 * Answers an OCSP request (RFC 6960) for the portal's CAs, always with an OCSPResponse (DER):
 * malformedRequest for bytes that are not a request, unauthorized when its first CertID names none
 * of the portal's CAs, else a response signed by that CA's delegated OCSP signing certificate,
 * with a status per CertID (CertIDs of another CA in the same request are unknown) and the nonce echoed.
 */
export async function answerOcspRequest(
  deps: Pick<CoreDeps, "stores" | "revocation" | "clock">,
  der: Uint8Array,
): Promise<Uint8Array> {
  const request = deps.revocation.readOcspRequest(der);
  if (!request || request.certIds.length === 0 || request.certIds.length > OCSP_MAX_CERT_IDS)
    return deps.revocation.ocspError("malformedRequest");
  const authorities = (await deps.stores.authorities.list()).filter((a) => a.kind !== "tsa");
  const issuerOf = (certId: OcspCertId): PortalAuthorityRecord | undefined =>
    authorities.find((a) => deps.revocation.namesIssuer(certId, a.certificateDer));
  const [first] = request.certIds;
  const ca = first ? issuerOf(first) : undefined;
  if (!ca) return deps.revocation.ocspError("unauthorized");
  const answers: { certId: OcspCertId; status: OcspCertStatus }[] = [];
  for (const certId of request.certIds) {
    const status: OcspCertStatus =
      issuerOf(certId)?.id === ca.id
        ? await certificateStatus(deps, ca, certId.serialNumber)
        : { status: "unknown" };
    answers.push({ certId, status });
  }
  const signer = await ensureOcspSigner(deps, ca);
  return deps.revocation.ocspResponse(signer, answers, request.nonce, deps.clock.now());
}
