import { type AuditWho, BY_CLI, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import type { CoreDeps } from "../ports.ts";
import type { SigningIdentityRecord } from "./signing.ports.ts";

/** Makes a PKCS#12 from a trusted CA the institution's active signing identity (the previous one is retired). */
export async function importSigningIdentity(
  deps: CoreDeps,
  institution: Institution,
  p12: Uint8Array,
  password: string,
  who: AuditWho = BY_CLI,
): Promise<SigningIdentityRecord> {
  let material: Awaited<ReturnType<CoreDeps["keys"]["importPkcs12"]>>;
  try {
    material = await deps.keys.importPkcs12(p12, password);
  } catch (cause) {
    throw new DomainError("pkcs12_invalid", { cause });
  }
  return deps.transact(async (stores) => {
    const identity = await stores.signingIdentities.replace(
      { institutionId: institution.id, algorithm: "imported" as const, ...material },
      deps.clock.now(),
    );
    await recordAudit(deps, stores, who, {
      institutionId: institution.id,
      action: "signing_identity.imported",
      targetType: "signing_identity",
      targetId: identity.id,
      details: { serialNumber: identity.serialNumber },
    });
    return identity;
  });
}
