import type { Actor } from "../accounts/actor.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import type { Organization } from "../organizations/organizations.types.ts";
import type { AccessHolders } from "./access.types.ts";

/** The part of a target the holder checks read. */
export type AccessRecord =
  | Pick<Institution, "id">
  | Pick<Organization, "id" | "archivedAt">
  | object
  | undefined;

const operator = (actor: Actor) => actor.memberships.some((m) => m.role === "operator");

const idOf = (record: AccessRecord): string | null =>
  record && "id" in record && typeof record.id === "string" ? record.id : null;

const archived = (record: AccessRecord): boolean =>
  !!record && "archivedAt" in record && record.archivedAt !== null && record.archivedAt !== undefined;

/** Whether the actor's memberships make it one of these holders of the (loaded) target. */
export function holdsAccess(actor: Actor, holders: AccessHolders, record: AccessRecord): boolean {
  const id = idOf(record);
  switch (holders) {
    case "operator":
      return operator(actor);
    case "anyone":
      return true;
    case "owner":
      return record !== undefined;
    case "institution-staff":
      return operator(actor) || actor.memberships.some((m) => id !== null && m.institutionId === id);
    case "institution-admin":
      return (
        operator(actor) ||
        actor.memberships.some((m) => id !== null && m.role === "institution_admin" && m.institutionId === id)
      );
    case "organization-member":
      return !archived(record) && actor.memberships.some((m) => id !== null && m.organizationId === id);
    case "organization-admin":
      return (
        operator(actor) ||
        (!archived(record) &&
          actor.memberships.some(
            (m) => id !== null && m.role === "organization_admin" && m.organizationId === id,
          ))
      );
  }
}
