import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { IdentityProvider, SocialProviderInput } from "./sign-on.types.ts";
import {
  normalizeOidcSettings,
  oidcRedirectUri,
  PROVIDER_SECRET_PURPOSE,
  presentIdentityProvider,
} from "./sign-on-rules.ts";

/** The operator's portal-wide providers (never their secrets) and the redirect URI to register. */
export async function listSocialProviders(
  deps: CoreDeps,
  actor: Actor,
): Promise<{ providers: IdentityProvider[]; oidcRedirectUri: string }> {
  await requireAccess(deps, actor, "portal.operate");
  const list = await deps.stores.identityProviders.listSocial();
  return { providers: list.map(presentIdentityProvider), oidcRedirectUri: oidcRedirectUri(deps) };
}

/** Creates or updates the operator's provider with this key (OIDC). The secret is write-only; omitted keeps the stored one. */
export async function saveSocialProvider(
  deps: CoreDeps,
  actor: Actor,
  input: SocialProviderInput,
): Promise<IdentityProvider> {
  await requireAccess(deps, actor, "portal.operate");
  const now = deps.clock.now();
  return deps.transact(async (stores) => {
    const existing = await stores.identityProviders.findByKey(null, input.key);
    const sealedSecret = input.clientSecret
      ? deps.secretBox.seal(PROVIDER_SECRET_PURPOSE, input.clientSecret)
      : (existing?.sealedSecret ?? null);
    const write = {
      institutionId: null,
      key: input.key,
      nameFr: input.nameFr.trim(),
      nameEn: input.nameEn.trim(),
      enabled: input.enabled,
      protocol: "oidc" as const,
      settings: { ...normalizeOidcSettings(input.settings), studentNumberClaim: null },
      sealedSecret,
    };
    const saved = existing
      ? await stores.identityProviders.update(existing.id, write, now)
      : await stores.identityProviders.create(write, now);
    if (!saved) throw new DomainError("identity_provider_key_taken");
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: existing ? "identity_provider.updated" : "identity_provider.created",
      targetType: "identity_provider",
      targetId: saved.id,
      details: {
        key: saved.key,
        enabled: saved.enabled,
        issuer: write.settings.issuer,
        clientId: write.settings.clientId,
        secretChanged: !!input.clientSecret,
      },
    });
    return presentIdentityProvider(saved);
  });
}

/** Removes one of the operator's providers; the accounts linked through it are unlinked with it. */
export async function removeSocialProvider(deps: CoreDeps, actor: Actor, key: string): Promise<void> {
  await requireAccess(deps, actor, "portal.operate");
  await deps.transact(async (stores) => {
    const existing = await stores.identityProviders.findByKey(null, key);
    if (!existing || !(await stores.identityProviders.remove(existing.id)))
      throw new DomainError("not_found");
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: "identity_provider.removed",
      targetType: "identity_provider",
      targetId: existing.id,
      details: { key },
    });
  });
}
