import type { CurrentUser, Membership } from "../../core/accounts/accounts.types.ts";

export function isOperator(user: CurrentUser): boolean {
  return user.memberships.some((m) => m.role === "operator");
}

export function isInstitutionAdmin(user: CurrentUser, slug: string): boolean {
  return user.memberships.some((m) => m.role === "institution_admin" && m.institution?.slug === slug);
}

/** True for any institution role (administrator or issuer) in the institution `slug`. */
export function isInstitutionStaff(user: CurrentUser, slug: string): boolean {
  return user.memberships.some((m) => m.institution?.slug === slug);
}

/** The user's institution memberships, one per institution (the first role found wins). */
export function institutionMemberships(user: CurrentUser): Membership[] {
  const seen = new Set<string>();
  return user.memberships.filter((m) => {
    if (!m.institution || seen.has(m.institution.slug)) return false;
    seen.add(m.institution.slug);
    return true;
  });
}

/** A person with no staff or operator role: a learner, whose home is the wallet. */
export const isLearnerOnly = (user: CurrentUser): boolean => user.memberships.length === 0;

/** Where a signed-in user lands: the operator console, their institution, or a learner's wallet. */
export function consolePath(user: CurrentUser): string {
  if (isOperator(user)) return "/operator/institutions";
  const first = institutionMemberships(user)[0];
  if (first?.institution) return `/institutions/${encodeURIComponent(first.institution.slug)}`;
  if (user.memberships.some((m) => m.organizationId)) return "/organizations";
  return isLearnerOnly(user) ? "/wallet" : "/account";
}

/** The `next` parameter of the sign-in page, kept only when it is a path of this site. */
export function safeNextPath(next: string | null): string | null {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  return next;
}
