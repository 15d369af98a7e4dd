import { z } from "zod";
import { SIGNATURE_LEVELS } from "../../core/signing/signing.types.ts";

/**
 * Response schemas: the serializer keeps only these fields, so nothing else leaves the server
 * (no password hashes, token hashes or logos in JSON).
 */

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.object({ fr: z.string(), en: z.string() }),
    issues: z
      .array(z.object({ path: z.string(), message: z.object({ fr: z.string(), en: z.string() }) }))
      .optional(),
    requestId: z.string().optional(),
  }),
});

const Role = z.enum(["operator", "institution_admin", "issuer", "organization_admin", "reviewer"]);
const InstitutionRole = z.enum(["institution_admin", "issuer"]);

export const MembershipOut = z.object({
  id: z.string(),
  role: Role,
  institution: z
    .object({ id: z.string(), slug: z.string(), nameFr: z.string(), nameEn: z.string() })
    .nullable(),
  organizationId: z.string().nullable(),
});

export const CurrentUserOut = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  locale: z.enum(["fr", "en"]),
  memberships: z.array(MembershipOut),
});

export const SessionOut = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});

export const UserSummaryOut = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  status: z.enum(["active", "disabled", "closed"]),
  createdAt: z.string(),
  memberships: z.array(MembershipOut),
});

export const InstitutionOut = z.object({
  id: z.string(),
  slug: z.string(),
  nameFr: z.string(),
  nameEn: z.string(),
  emailDomain: z.string().nullable(),
  primaryColor: z.string(),
  accentColor: z.string(),
  hasLogo: z.boolean(),
  stampEnabled: z.boolean(),
  tsaUrl: z.string().nullable(),
  signatureLevel: z.enum(SIGNATURE_LEVELS).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const StaffMemberOut = z.object({
  membershipId: z.string(),
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: InstitutionRole,
  status: z.enum(["active", "disabled", "closed"]),
});

export const InvitationOut = z.object({
  id: z.string(),
  email: z.string(),
  role: InstitutionRole,
  institutionId: z.string(),
  status: z.enum(["pending", "accepted", "expired", "cancelled"]),
  createdAt: z.string(),
  expiresAt: z.string(),
});

export const InvitationPreviewOut = z.object({
  email: z.string(),
  role: InstitutionRole,
  institution: InstitutionOut.pick({
    slug: true,
    nameFr: true,
    nameEn: true,
    primaryColor: true,
    accentColor: true,
    hasLogo: true,
  }),
  expiresAt: z.string(),
  accountExists: z.boolean(),
});

export const OutboxSummaryOut = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  sentAt: z.string(),
});
export const OutboxMessageOut = OutboxSummaryOut.extend({
  from: z.string(),
  text: z.string(),
  html: z.string(),
});

/** Standard error answers to list in a route's schema. */
export const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ErrorBody]));
