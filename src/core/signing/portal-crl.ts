import type { CoreDeps } from "../ports.ts";
import type { RevokedEntry } from "./revocation.types.ts";
import type { PortalAuthorityRecord } from "./signing.ports.ts";

/**
 * The CA's CRL (DER): a root lists the issuing CAs it revoked, an issuing CA the institutions'
 * signing certificates it issued that were revoked.
 */
export async function portalCrl(
  deps: Pick<CoreDeps, "stores" | "revocation" | "clock">,
  ca: PortalAuthorityRecord,
): Promise<Uint8Array> {
  let revoked: RevokedEntry[];
  if (ca.kind === "root") {
    const caKeyId = deps.revocation.describe(ca.certificateDer).keyId;
    revoked = (await deps.stores.authorities.list()).flatMap((a) => {
      if (a.kind !== "issuing" || !a.revokedAt) return [];
      const facts = deps.revocation.describe(a.certificateDer);
      if (facts.authorityKeyId !== caKeyId) return [];
      return [{ serialNumber: facts.serialNumber, revokedAt: a.revokedAt, reason: a.revocationReason }];
    });
  } else {
    revoked = await deps.stores.signingIdentities.revokedUnder(ca.certificateDer);
  }
  return deps.revocation.crl(ca, revoked, deps.clock.now());
}
