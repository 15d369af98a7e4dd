import type { CoreDeps } from "../ports.ts";
import type { PublicSignOnProvider, SignOnInstitution } from "./sign-on.types.ts";

/** For the sign-in page: institutions with sign-on enabled and the operator's enabled providers. */
export async function listSignOnOptions(
  deps: CoreDeps,
): Promise<{ institutions: SignOnInstitution[]; providers: PublicSignOnProvider[] }> {
  const [institutions, social] = await Promise.all([
    deps.stores.identityProviders.listSignOnInstitutions(),
    deps.stores.identityProviders.listSocial(),
  ]);
  return {
    institutions,
    providers: social
      .filter((p) => p.enabled)
      .map((p) => ({ key: p.key, nameFr: p.nameFr, nameEn: p.nameEn })),
  };
}
