import { type AuditWho, BY_CLI, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import type { CoreDeps } from "../ports.ts";
import { ensurePortalPki } from "./ensure-portal-pki.ts";
import { formatHardwareKeyReference } from "./hardware-key-reference.ts";
import type { HardwareKeys } from "./hardware-keys.ts";
import type { SigningIdentityRecord } from "./signing.ports.ts";

/**
 * Makes a key pair already on the hardware token the institution's active signing identity (the
 * previous one is retired, not revoked). With `chainDer` (the certificate another CA issued in
 * answer to the key's certificate request, leaf first) the chain is installed; without it the
 * portal's issuing CA certifies the key. Throws not_found when the token has no such key.
 */
export async function activateHardwareKey(
  deps: CoreDeps,
  hardwareKeys: HardwareKeys,
  institution: Institution,
  input: { key: string; chainDer?: Uint8Array[] },
  who: AuditWho = BY_CLI,
): Promise<SigningIdentityRecord> {
  const key = await hardwareKeys.find(input.key);
  if (!key) throw new DomainError("not_found");
  const material = input.chainDer
    ? hardwareKeys.withCertificate(key, input.chainDer)
    : await hardwareKeys.certify(await ensurePortalPki(deps), key, {
        institutionName: institution.nameFr,
        organization: institution.nameEn,
        country: "CA",
      });
  return deps.transact(async (stores) => {
    const identity = await stores.signingIdentities.replace(
      { institutionId: institution.id, algorithm: key.algorithm, ...material },
      deps.clock.now(),
    );
    await recordAudit(deps, stores, who, {
      institutionId: institution.id,
      action: input.chainDer ? "signing_identity.imported" : "signing_identity.issued",
      targetType: "signing_identity",
      targetId: identity.id,
      details: {
        serialNumber: identity.serialNumber,
        algorithm: key.algorithm,
        key: formatHardwareKeyReference(key),
      },
    });
    return identity;
  });
}
