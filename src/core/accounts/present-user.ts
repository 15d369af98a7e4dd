import type { Institution } from "../institutions/institutions.types.ts";
import type { Stores } from "../ports.ts";
import type { MembershipRecord, UserRecord } from "./accounts.ports.ts";
import type { CurrentUser, Membership, UserSummary } from "./accounts.types.ts";

export function toMembership(m: MembershipRecord, institutions: Map<string, Institution>): Membership {
  const inst = m.institutionId ? institutions.get(m.institutionId) : undefined;
  return {
    id: m.id,
    role: m.role,
    institution: inst ? { id: inst.id, slug: inst.slug, nameFr: inst.nameFr, nameEn: inst.nameEn } : null,
    organizationId: m.organizationId,
  };
}

async function institutionsOf(stores: Stores, memberships: MembershipRecord[]) {
  const ids = [...new Set(memberships.flatMap((m) => (m.institutionId ? [m.institutionId] : [])))];
  const list = await stores.institutions.listByIds(ids);
  return new Map(list.map((i) => [i.id, i]));
}

export async function presentCurrentUser(
  stores: Stores,
  user: UserRecord,
  memberships: MembershipRecord[],
): Promise<CurrentUser> {
  const insts = await institutionsOf(stores, memberships);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    memberships: memberships.map((m) => toMembership(m, insts)),
  };
}

export async function presentUserSummaries(stores: Stores, users: UserRecord[]): Promise<UserSummary[]> {
  const memberships = await stores.memberships.listForUsers(users.map((u) => u.id));
  const insts = await institutionsOf(stores, memberships);
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    status: u.status,
    createdAt: u.createdAt.toISOString(),
    memberships: memberships.filter((m) => m.userId === u.id).map((m) => toMembership(m, insts)),
  }));
}
