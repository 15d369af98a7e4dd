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

/** One of the addresses on the user's account. */
export interface AccountEmail {
  /** Null for the primary address (users.email); the id of the secondary address otherwise. */
  id: string | null;
  email: string;
  primary: boolean;
  verified: boolean;
  /** The address is at the email domain of an institution on the portal (it may stop working). */
  institutional: boolean;
}

/** The profile's email section. */
export interface AccountEmails {
  emails: AccountEmail[];
  /**
   * True when every way left to sign in depends on an institutional address that may expire
   * (every verified address is at an institution's domain and no outside account is linked):
   * the profile and the sign-in suggest adding a personal address.
   */
  onlyInstitutional: boolean;
}
