import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { AccessRule, AccessTargets } from "./access.types.ts";
import { ACCESS_RULES } from "./access-rules.ts";
import { holdsAccess } from "./holds-access.ts";
import type { Permission } from "./permissions.ts";

type KindOf<P extends Permission> = (typeof ACCESS_RULES)[P]["on"];

/** The target argument of a permission: a slug or an id, none for the portal and the actor's account. */
export type TargetArgs<P extends Permission> = KindOf<P> extends "portal" | "account" ? [] : [target: string];

async function loadTarget(deps: Pick<CoreDeps, "stores">, actor: Actor, rule: AccessRule, target?: string) {
  if (rule.on === "portal" || rule.on === "account") return undefined;
  if (target === undefined) return null;
  if (rule.on === "institution") return deps.stores.institutions.findBySlug(target);
  if (rule.on === "organization") return deps.stores.organizations.findBySlug(target);
  return deps.stores.documentAccess.findOwned(actor.user.id, target);
}

/**
 * The one entry point of authorization: the target when the actor holds the permission on it, else
 * not_found whether the target exists or not (an anonymous caller too). An API key is judged by the
 * permission's rule before anything is read: as the issuer of its own institution, or refused
 * (not_found, or api_key_scope where the rule says so). See `access-rules.ts`.
 */
export async function requireAccess<P extends Permission>(
  deps: Pick<CoreDeps, "stores">,
  actor: Actor | null,
  permission: P,
  ...target: TargetArgs<P>
): Promise<AccessTargets[KindOf<P>]> {
  const rule: AccessRule = ACCESS_RULES[permission];
  if (!actor) throw new DomainError("not_found");
  if (actor.apiKey && rule.apiKey !== "as-issuer") throw new DomainError(rule.apiKey);
  const record = await loadTarget(deps, actor, rule, target[0]);
  if (record === null || !holdsAccess(actor, rule.holders, record)) throw new DomainError("not_found");
  return record as AccessTargets[KindOf<P>];
}
