import type { MembershipRecord, UserRecord } from "../ports.ts";

/** The signed-in user a use case acts for. */
export interface Actor {
  user: UserRecord;
  memberships: MembershipRecord[];
  sessionId: string;
  /** The client's address, for the audit trail. */
  ip: string | null;
}

export const isOperator = (actor: Actor): boolean => actor.memberships.some((m) => m.role === "operator");

export const isInstitutionAdmin = (actor: Actor, institutionId: string): boolean =>
  isOperator(actor) ||
  actor.memberships.some((m) => m.role === "institution_admin" && m.institutionId === institutionId);

export const isInstitutionStaff = (actor: Actor, institutionId: string): boolean =>
  isOperator(actor) || actor.memberships.some((m) => m.institutionId === institutionId);
