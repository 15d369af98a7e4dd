import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import { checkLogo } from "../institutions/set-institution-logo.ts";
import type { CoreDeps } from "../ports.ts";
import type { Organization } from "./organizations.types.ts";

/** Sets (bytes, sniffed as for institutions: PNG, JPEG or WebP, no SVG) or removes (null) the logo. Operator only. */
export async function setOrganizationLogo(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  bytes: Uint8Array | null,
): Promise<Organization> {
  const org = await requireAccess(deps, actor, "organization.manage", slug);
  const logo = checkLogo(bytes);
  return deps.transact(async (stores) => {
    const updated = await stores.organizations.setLogo(org.id, logo);
    if (!updated) throw new DomainError("not_found");
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: "organization.logo_changed",
      targetType: "organization",
      targetId: org.id,
      details: { removed: logo === null },
    });
    return updated;
  });
}
