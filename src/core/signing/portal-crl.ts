import type { CoreDeps } from "../ports.ts";
import { certifiedAuthorities } from "./certified-authorities.ts";
import type { RevokedEntry } from "./revocation.types.ts";
import type { PortalAuthorityRecord } from "./signing.ports.ts";

/**
 * The CA's CRL (DER): a root lists the issuing CAs it revoked, an issuing CA the institutions'
 * signing certificates and the timestamp authority certificates it issued that were revoked.
 */
export async function portalCrl(
  deps: Pick<CoreDeps, "stores" | "revocation" | "clock">,
  ca: PortalAuthorityRecord,
): Promise<Uint8Array> {
  const revoked: RevokedEntry[] = (await certifiedAuthorities(deps, ca)).flatMap(
    ({ authority, serialNumber }) =>
      authority.revokedAt
        ? [{ serialNumber, revokedAt: authority.revokedAt, reason: authority.revocationReason }]
        : [],
  );
  if (ca.kind === "issuing")
    revoked.push(...(await deps.stores.signingIdentities.revokedUnder(ca.certificateDer)));
  return deps.revocation.crl(ca, revoked, deps.clock.now());
}
