import type { CoreDeps } from "../ports.ts";
import type { PortalAuthorityRecord } from "./signing.ports.ts";

/**
 * The portal authorities this portal CA certified, with their serial numbers: a root certifies the
 * issuing CAs, an issuing CA the built-in timestamp authority's certificates (the institutions'
 * signing certificates are signing identities, not authorities).
 */
export async function certifiedAuthorities(
  deps: Pick<CoreDeps, "stores" | "revocation">,
  ca: PortalAuthorityRecord,
): Promise<{ authority: PortalAuthorityRecord; serialNumber: string }[]> {
  const kind = ca.kind === "root" ? "issuing" : ca.kind === "issuing" ? "tsa" : null;
  if (!kind) return [];
  const caKeyId = deps.revocation.describe(ca.certificateDer).keyId;
  return (await deps.stores.authorities.list()).flatMap((authority) => {
    if (authority.kind !== kind) return [];
    const facts = deps.revocation.describe(authority.certificateDer);
    return facts.authorityKeyId === caKeyId ? [{ authority, serialNumber: facts.serialNumber }] : [];
  });
}
