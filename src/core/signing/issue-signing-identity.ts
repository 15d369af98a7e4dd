import { type AuditWho, BY_CLI, recordAudit } from "../audit/record-audit.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import type { CoreDeps } from "../ports.ts";
import { ensurePortalPki } from "./ensure-portal-pki.ts";
import type { SigningIdentityRecord } from "./signing.ports.ts";
import type { KeyAlgorithm } from "./signing.types.ts";

/**
 * Issues a new certificate for the institution from the portal's issuing CA and makes it the
 * active signing identity. The previous one is retired, not revoked: documents it signed still verify.
 */
export async function issueSigningIdentity(
  deps: CoreDeps,
  institution: Institution,
  algorithm: KeyAlgorithm = "RSA-2048",
  who: AuditWho = BY_CLI,
): Promise<SigningIdentityRecord> {
  const pki = await ensurePortalPki(deps);
  const material = await deps.keys.issueIdentity(
    pki,
    { institutionName: institution.nameFr, organization: institution.nameEn, country: "CA" },
    algorithm,
  );
  return deps.transact(async (stores) => {
    const identity = await stores.signingIdentities.replace(
      { institutionId: institution.id, algorithm: algorithm, ...material },
      deps.clock.now(),
    );
    await recordAudit(deps, stores, who, {
      institutionId: institution.id,
      action: "signing_identity.issued",
      targetType: "signing_identity",
      targetId: identity.id,
      details: { serialNumber: identity.serialNumber, algorithm },
    });
    return identity;
  });
}
