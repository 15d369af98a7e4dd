import { type AuditWho, BY_CLI, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import type { CoreDeps } from "../ports.ts";
import type { RevocationReason } from "./revocation.types.ts";
import type { SigningIdentityRecord } from "./signing.ports.ts";

/**
 * Revokes one of the institution's signing identities: the active one, or the one with this serial
 * number. It is retired too (outside production the next signature gets a new certificate) and
 * shows up at once in its CA's CRL and OCSP answers. not_found when there is none to revoke.
 */
export async function revokeSigningIdentity(
  deps: CoreDeps,
  institution: Institution,
  input: { serialNumber?: string; reason: RevocationReason | null },
  who: AuditWho = BY_CLI,
): Promise<SigningIdentityRecord> {
  const target = input.serialNumber
    ? (await deps.stores.signingIdentities.findBySerialNumber(input.serialNumber)).find(
        (i) => i.institutionId === institution.id,
      )
    : await deps.stores.signingIdentities.active(institution.id);
  if (!target || target.revokedAt) throw new DomainError("not_found");
  return deps.transact(async (stores) => {
    const revoked = await stores.signingIdentities.revoke(target.id, {
      now: deps.clock.now(),
      reason: input.reason,
    });
    if (!revoked) throw new DomainError("not_found");
    await recordAudit(deps, stores, who, {
      institutionId: institution.id,
      action: "signing_identity.revoked",
      targetType: "signing_identity",
      targetId: revoked.id,
      details: { serialNumber: revoked.serialNumber, reason: input.reason ?? "unspecified" },
    });
    return revoked;
  });
}
