import type { Institution } from "../institutions/institutions.types.ts";
import type { Organization } from "../organizations/organizations.types.ts";
import type { OwnedDocumentRecord } from "../payments/payments.ports.ts";

/** What a permission is about: requireAccess loads it from the target and returns it. */
export interface AccessTargets {
  /** Found by slug. */
  institution: Institution;
  /** Found by slug, archived or not. */
  organization: Organization;
  /** No target: the whole portal. */
  portal: undefined;
  /** No target: the actor's own account. */
  account: undefined;
  /** Found by id among the actor's own wallet documents. */
  "wallet-document": OwnedDocumentRecord;
}

export type AccessTargetKind = keyof AccessTargets;

/**
 * Who holds a permission, API keys aside:
 * - institution-staff: the operator and every member of the institution (admins and issuers);
 * - institution-admin: the operator and the institution's admins;
 * - organization-member: the organization's staff (admins and reviewers) while it is not archived;
 * - organization-admin: the operator, and the organization's admins while it is not archived;
 * - operator: the operator only;
 * - anyone: every signed-in person;
 * - owner: the person whose wallet holds the document (the lookup is the check).
 */
export type AccessHolders =
  | "institution-staff"
  | "institution-admin"
  | "organization-member"
  | "organization-admin"
  | "operator"
  | "anyone"
  | "owner";

/**
 * What an API key gets: "as-issuer" (its issuer membership in its own institution decides, so it
 * passes where an issuer does, in its institution only), "not_found", or "api_key_scope" (403: the
 * thing exists for people only and says so).
 */
export type ApiKeyAccess = "as-issuer" | "not_found" | "api_key_scope";

export interface AccessRule {
  on: AccessTargetKind;
  holders: AccessHolders;
  apiKey: ApiKeyAccess;
}
