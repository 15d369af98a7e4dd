import type { Locale } from "../i18n.types.ts";

/** Roles are held through memberships: the portal (operator), an institution or an organization. */
export type Role = "operator" | "institution_admin" | "issuer" | "organization_admin" | "reviewer";
export const INSTITUTION_ROLES = ["institution_admin", "issuer"] as const;
export type InstitutionRole = (typeof INSTITUTION_ROLES)[number];

/** closed: the person closed their account (core/privacy/close-account.ts); it never signs in again. */
export type UserStatus = "active" | "disabled" | "closed";

export interface MembershipInstitution {
  id: string;
  slug: string;
  nameFr: string;
  nameEn: string;
}

export interface Membership {
  id: string;
  role: Role;
  /** Set for institution roles. */
  institution: MembershipInstitution | null;
  /** Set for organization roles (organizations arrive with sharing). */
  organizationId: string | null;
}

/** The signed-in user as the web app sees it. */
export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  memberships: Membership[];
}

/** One of the user's server-side sessions. */
export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

/** A user as the operator console lists them. */
export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  status: UserStatus;
  createdAt: string;
  memberships: Membership[];
}
