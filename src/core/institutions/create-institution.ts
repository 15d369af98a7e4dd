import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { normalizeInstitution } from "./institution-rules.ts";
import type { Institution, InstitutionInput } from "./institutions.types.ts";

export async function createInstitution(
  deps: CoreDeps,
  actor: Actor,
  input: InstitutionInput,
): Promise<Institution> {
  await requireAccess(deps, actor, "portal.operate");
  const clean = normalizeInstitution(input);
  return deps.transact(async (stores) => {
    const created = await stores.institutions.create(clean);
    if (!created) throw new DomainError("slug_taken");
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: created.id,
      action: "institution.created",
      targetType: "institution",
      targetId: created.id,
      details: { slug: created.slug },
    });
    return created;
  });
}
