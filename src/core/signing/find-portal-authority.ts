import type { CoreDeps } from "../ports.ts";
import type { PortalAuthorityRecord } from "./signing.ports.ts";

/** A portal CA (root or issuing, current or older) by its key id (SHA-1 of its public key, hex), or null. */
export async function findPortalAuthority(
  deps: Pick<CoreDeps, "stores" | "revocation">,
  keyId: string,
): Promise<PortalAuthorityRecord | null> {
  const wanted = keyId.toLowerCase();
  const all = await deps.stores.authorities.list();
  return (
    all.find((a) => a.kind !== "tsa" && deps.revocation.describe(a.certificateDer).keyId === wanted) ?? null
  );
}
