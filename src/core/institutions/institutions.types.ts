import type { InstitutionRole, UserStatus } from "../accounts/accounts.types.ts";
import type { SignatureLevel } from "../signing/signing.types.ts";

export interface Institution {
  id: string;
  slug: string;
  nameFr: string;
  nameEn: string;
  /** The domain of the institution's own email addresses, e.g. "cegep.example.ca". */
  emailDomain: string | null;
  /** Brand colours as #rrggbb. */
  primaryColor: string;
  accentColor: string;
  hasLogo: boolean;
  /** Add the visible verification notice with a QR code before signing (default on). */
  stampEnabled: boolean;
  /** RFC 3161 timestamp authority for PAdES B-T signatures, or null. */
  tsaUrl: string | null;
  /** PAdES level of its signatures, or null for the default: B-LTA with a timestamp authority, else B-B. */
  signatureLevel: SignatureLevel | null;
  createdAt: string;
  updatedAt: string;
}

export interface InstitutionInput {
  slug: string;
  nameFr: string;
  nameEn: string;
  emailDomain: string | null;
  primaryColor: string;
  accentColor: string;
}

/** Signing settings an institution's administrators change. */
export interface InstitutionSigningSettings {
  stampEnabled?: boolean;
  tsaUrl?: string | null;
  signatureLevel?: SignatureLevel | null;
}

export interface StaffMember {
  membershipId: string;
  userId: string;
  email: string;
  displayName: string;
  role: InstitutionRole;
  status: UserStatus;
}

export type InvitationStatus = "pending" | "accepted" | "expired" | "cancelled";

export interface Invitation {
  id: string;
  email: string;
  role: InstitutionRole;
  institutionId: string;
  status: InvitationStatus;
  createdAt: string;
  expiresAt: string;
}

/** What the person holding an invitation link sees before accepting. */
export interface InvitationPreview {
  email: string;
  role: InstitutionRole;
  institution: Pick<Institution, "slug" | "nameFr" | "nameEn" | "primaryColor" | "accentColor" | "hasLogo">;
  expiresAt: string;
  /** True when an account with this email exists: the page then asks for its password instead. */
  accountExists: boolean;
}
