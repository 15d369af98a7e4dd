import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { samlEndpoints } from "./saml-sign-on-rules.ts";

/**
 * The portal's SP metadata for an institution (public: an IdP administrator loads it before the
 * institution has configured anything). Unknown institution: not_found.
 */
export async function getSamlMetadata(deps: CoreDeps, slug: string): Promise<string> {
  const institution = await deps.stores.institutions.findBySlug(slug);
  if (!institution) throw new DomainError("not_found");
  return deps.saml.metadata(samlEndpoints(deps.settings.publicUrl, institution.slug));
}
