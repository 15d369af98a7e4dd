/**
 * Every permission a use case may ask for: the closed list `requireAccess` and `can` know. Who holds
 * each one, and what an API key gets, is written once in `access-rules.ts`.
 */
export const PERMISSIONS = [
  // One institution (the target is its slug; requireAccess returns the institution).
  "institution.read",
  "institution.manage",
  "staff.manage",
  "learners.manage",
  "documents.read",
  "documents.issue",
  "documents.revoke",
  "payments.manage",
  "audit.read",
  "api-keys.manage",
  // One organization (the target is its slug; requireAccess returns the organization).
  "organization.inbox",
  "organization.staff",
  "organization.manage",
  // The portal (no target).
  "portal.operate",
  "portal.audit",
  "users.manage",
  "organizations.manage",
  // The signed-in person's own account (no target), and one document of their wallet (its id).
  "account.self",
  "wallet.document",
] as const;

export type Permission = (typeof PERMISSIONS)[number];
