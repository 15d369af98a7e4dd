import type { CoreDeps } from "../ports.ts";
import type { OcspSignerRecord } from "./revocation.ports.ts";
import type { PortalAuthorityRecord } from "./signing.ports.ts";

/** A delegated OCSP signing certificate is replaced when it has less than this left to live. */
export const OCSP_SIGNER_RENEWAL_MS = 7 * 86_400_000;

/**
 * The CA's delegated OCSP signing certificate, issued (key sealed) on first need and renewed
 * before it expires. Two processes renewing at once both add one: either answers correctly.
 */
export async function ensureOcspSigner(
  deps: Pick<CoreDeps, "stores" | "revocation" | "clock">,
  ca: PortalAuthorityRecord,
): Promise<OcspSignerRecord> {
  const now = deps.clock.now();
  const current = await deps.stores.ocspSigners.newest(ca.id);
  if (current && current.notAfter.getTime() - now.getTime() > OCSP_SIGNER_RENEWAL_MS) return current;
  const issued = await deps.revocation.issueOcspSigner(ca, now);
  return deps.stores.ocspSigners.add({ authorityId: ca.id, ...issued });
}
