import { type Actor, isInstitutionAdmin, isInstitutionStaff } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { Stores } from "../ports.ts";
import type { Institution } from "./institutions.types.ts";

/**
 * The institution when the actor may see it (operator or its staff) — or, with "admin",
 * manage it (operator or its admins). Otherwise not_found, whether it exists or not.
 */
export async function findVisibleInstitution(
  stores: Stores,
  actor: Actor,
  slug: string,
  need: "staff" | "admin",
): Promise<Institution> {
  const inst = await stores.institutions.findBySlug(slug);
  const allowed =
    inst && (need === "admin" ? isInstitutionAdmin(actor, inst.id) : isInstitutionStaff(actor, inst.id));
  if (!inst || !allowed) throw new DomainError("not_found");
  return inst;
}
