import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { normalizeInstitution, normalizeSigningSettings } from "./institution-rules.ts";
import type { Institution, InstitutionInput, InstitutionSigningSettings } from "./institutions.types.ts";

export async function updateInstitution(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  patch: Partial<Omit<InstitutionInput, "slug">> & InstitutionSigningSettings,
): Promise<Institution> {
  const inst = await requireAccess(deps, actor, "institution.manage", slug);
  const clean = { ...normalizeInstitution(patch), ...normalizeSigningSettings(patch) };
  return deps.transact(async (stores) => {
    const updated = await stores.institutions.update(inst.id, clean);
    if (!updated) throw new DomainError("not_found");
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: inst.id,
      action: "institution.updated",
      targetType: "institution",
      targetId: inst.id,
      details: { fields: Object.keys(clean).sort().join(",") },
    });
    return updated;
  });
}
