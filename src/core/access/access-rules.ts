import type { AccessRule } from "./access.types.ts";
import type { Permission } from "./permissions.ts";

/**
 * The one table of authorization: for each permission, what it is about, who holds it and what an
 * API key gets. An API key is a stand-in issuer of its own institution; it never holds a person's
 * permission (account, wallet, organizations) nor an administrator's.
 */
export const ACCESS_RULES = {
  "institution.read": { on: "institution", holders: "institution-staff", apiKey: "as-issuer" },
  "institution.manage": { on: "institution", holders: "institution-admin", apiKey: "not_found" },
  "staff.manage": { on: "institution", holders: "institution-admin", apiKey: "not_found" },
  "learners.manage": { on: "institution", holders: "institution-staff", apiKey: "as-issuer" },
  "documents.read": { on: "institution", holders: "institution-staff", apiKey: "as-issuer" },
  "documents.issue": { on: "institution", holders: "institution-staff", apiKey: "as-issuer" },
  "documents.revoke": { on: "institution", holders: "institution-staff", apiKey: "as-issuer" },
  "payments.manage": { on: "institution", holders: "institution-admin", apiKey: "not_found" },
  "audit.read": { on: "institution", holders: "institution-admin", apiKey: "not_found" },
  "api-keys.manage": { on: "institution", holders: "institution-admin", apiKey: "api_key_scope" },
  "organization.inbox": { on: "organization", holders: "organization-member", apiKey: "not_found" },
  "organization.staff": { on: "organization", holders: "organization-admin", apiKey: "not_found" },
  "organization.manage": { on: "organization", holders: "operator", apiKey: "not_found" },
  "portal.operate": { on: "portal", holders: "operator", apiKey: "not_found" },
  "portal.audit": { on: "portal", holders: "operator", apiKey: "not_found" },
  "users.manage": { on: "portal", holders: "operator", apiKey: "not_found" },
  "organizations.manage": { on: "portal", holders: "operator", apiKey: "not_found" },
  "account.self": { on: "account", holders: "anyone", apiKey: "not_found" },
  "wallet.document": { on: "wallet-document", holders: "owner", apiKey: "not_found" },
} as const satisfies Record<Permission, AccessRule>;
