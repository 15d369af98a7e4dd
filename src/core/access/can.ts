import type { Actor } from "../accounts/actor.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import type { Organization } from "../organizations/organizations.types.ts";
import type { OwnedDocumentRecord } from "../payments/payments.ports.ts";
import type { AccessRule } from "./access.types.ts";
import { ACCESS_RULES } from "./access-rules.ts";
import { holdsAccess } from "./holds-access.ts";
import type { Permission } from "./permissions.ts";

/** What `can` needs to know of each kind of target. */
interface CheckedTargets {
  institution: Pick<Institution, "id">;
  organization: Pick<Organization, "id" | "archivedAt">;
  portal: undefined;
  account: undefined;
  "wallet-document": OwnedDocumentRecord;
}

type KindOf<P extends Permission> = (typeof ACCESS_RULES)[P]["on"];

/** The record argument of `can` for a permission: none for the portal and the actor's account. */
export type CanArgs<P extends Permission> =
  KindOf<P> extends "portal" | "account" ? [] : [record: CheckedTargets[KindOf<P>]];

/**
 * Whether the actor holds the permission on an already loaded target (filters, and the few places
 * that hold a record rather than a slug). A wallet document counts as the actor's when it was found
 * among the actor's own. No actor, or an API key where the rule refuses it: false.
 */
export function can<P extends Permission>(
  actor: Actor | null,
  permission: P,
  ...record: CanArgs<P>
): boolean {
  const rule: AccessRule = ACCESS_RULES[permission];
  if (!actor) return false;
  if (actor.apiKey && rule.apiKey !== "as-issuer") return false;
  return holdsAccess(actor, rule.holders, record[0]);
}
