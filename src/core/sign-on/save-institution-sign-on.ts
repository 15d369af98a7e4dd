import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { IdentityProviderWrite } from "./sign-on.ports.ts";
import {
  type IdentityProvider,
  INSTITUTION_PROVIDER_KEY,
  type InstitutionSignOnInput,
} from "./sign-on.types.ts";
import { normalizeOidcSettings, PROVIDER_SECRET_PURPOSE, presentIdentityProvider } from "./sign-on-rules.ts";

/**
 * Creates or replaces an institution's sign-on (OIDC or SAML). The OIDC client secret is write-only:
 * given, it is sealed; omitted, the stored one is kept (switching to SAML drops it). Audited without secrets.
 */
export async function saveInstitutionSignOn(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  input: InstitutionSignOnInput,
): Promise<IdentityProvider> {
  const inst = await requireAccess(deps, actor, "institution.manage", slug);
  const now = deps.clock.now();
  return deps.transact(async (stores) => {
    const existing = await stores.identityProviders.findByKey(inst.id, INSTITUTION_PROVIDER_KEY);
    const common = {
      institutionId: inst.id,
      key: INSTITUTION_PROVIDER_KEY,
      nameFr: input.nameFr?.trim() || inst.nameFr,
      nameEn: input.nameEn?.trim() || inst.nameEn,
      enabled: input.enabled,
    };
    let write: IdentityProviderWrite;
    let secretChanged = false;
    if (input.protocol === "oidc") {
      secretChanged = !!input.clientSecret;
      const sealedSecret = input.clientSecret
        ? deps.secretBox.seal(PROVIDER_SECRET_PURPOSE, input.clientSecret)
        : existing?.protocol === "oidc"
          ? existing.sealedSecret
          : null;
      write = { ...common, protocol: "oidc", settings: normalizeOidcSettings(input.settings), sealedSecret };
    } else {
      const s = input.settings;
      write = {
        ...common,
        protocol: "saml",
        settings: {
          idpSsoUrl: s.idpSsoUrl.trim(),
          idpCertificatePem: s.idpCertificatePem.trim(),
          idpEntityId: s.idpEntityId.trim(),
          studentNumberAttribute: s.studentNumberAttribute?.trim() || null,
          emailAttribute: s.emailAttribute.trim() || "email",
        },
        sealedSecret: null,
      };
    }
    const saved = existing
      ? await stores.identityProviders.update(existing.id, write, now)
      : await stores.identityProviders.create(write, now);
    if (!saved) throw new DomainError("not_found");
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: inst.id,
      action: "sign_on.configured",
      targetType: "identity_provider",
      targetId: saved.id,
      details: {
        protocol: saved.protocol,
        enabled: saved.enabled,
        created: !existing,
        secretChanged,
        ...(saved.protocol === "oidc"
          ? { issuer: saved.settings.issuer, clientId: saved.settings.clientId }
          : { idpEntityId: saved.settings.idpEntityId }),
      },
    });
    return presentIdentityProvider(saved);
  });
}
