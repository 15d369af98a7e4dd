import { type AuditWho, BY_CLI, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { findPortalAuthority } from "./find-portal-authority.ts";
import type { RevocationReason } from "./revocation.types.ts";
import type { PortalAuthorityRecord } from "./signing.ports.ts";

/**
 * Revokes a portal issuing CA (by key id): the root's CRL and OCSP answers list it, and every
 * certificate it issued is answered revoked (cACompromise) by OCSP from then on. A root cannot be
 * revoked (nothing above it signs a CRL): remove it from the trust anchors instead.
 * not_found for an unknown key id, a root or a CA already revoked.
 */
export async function revokePortalAuthority(
  deps: CoreDeps,
  input: { keyId: string; reason: RevocationReason | null },
  who: AuditWho = BY_CLI,
): Promise<PortalAuthorityRecord> {
  const ca = await findPortalAuthority(deps, input.keyId);
  if (ca?.kind !== "issuing" || ca.revokedAt) throw new DomainError("not_found");
  return deps.transact(async (stores) => {
    const revoked = await stores.authorities.revoke(ca.id, { now: deps.clock.now(), reason: input.reason });
    if (!revoked) throw new DomainError("not_found");
    await recordAudit(deps, stores, who, {
      institutionId: null,
      action: "portal_authority.revoked",
      targetType: "portal_authority",
      targetId: revoked.id,
      details: { keyId: input.keyId.toLowerCase(), reason: input.reason ?? "unspecified" },
    });
    return revoked;
  });
}
