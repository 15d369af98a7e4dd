import type { Bilingual } from "./i18n.types.ts";

/** Every error the domain raises on purpose. Statuses are mapped in one table (server/error-status.ts). */
export type ErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "not_found"
  | "invalid_credentials"
  | "too_many_attempts"
  | "account_disabled"
  | "csrf_invalid"
  | "slug_taken"
  | "already_member"
  | "invitation_invalid"
  | "reset_link_invalid"
  | "password_too_short"
  | "password_too_long"
  | "password_incorrect"
  | "cannot_change_self"
  | "unsupported_media_type"
  | "payload_too_large"
  | "rate_limited"
  | "not_a_pdf"
  | "pdf_unsignable"
  | "tsa_required"
  | "validation_data_unavailable"
  | "signing_identity_missing"
  | "pkcs12_invalid"
  | "student_number_taken"
  | "document_type_code_taken"
  | "csv_not_utf8"
  | "csv_invalid"
  | "import_has_errors"
  | "archive_invalid"
  | "archive_too_large"
  | "batch_has_errors"
  | "document_type_archived"
  | "external_id_taken"
  | "invitation_already_claimed"
  | "document_not_active"
  | "document_not_replaceable"
  | "blob_missing"
  | "blob_corrupt"
  | "api_key_invalid"
  | "api_key_scope"
  | "idempotency_key_mismatch"
  | "idempotency_key_in_progress"
  | "claim_invalid"
  | "claim_token_invalid"
  | "email_taken"
  | "activation_link_invalid"
  | "email_not_verified"
  | "totp_code_invalid"
  | "sign_in_step_expired"
  | "totp_already_enabled"
  | "totp_not_enabled"
  | "account_has_roles"
  | "export_too_large"
  | "sign_on_failed"
  | "sign_on_no_learner"
  | "sign_on_account_conflict"
  | "sign_on_not_linked"
  | "linked_account_taken"
  | "linked_account_last_method"
  | "identity_provider_key_taken"
  | "password_too_common"
  | "email_in_use"
  | "email_already_yours"
  | "email_limit_reached"
  | "email_link_invalid"
  | "email_unverified"
  | "payment_required"
  | "share_access_denied"
  | "share_not_active"
  | "share_extension_limit"
  | "share_used_up"
  | "shared_file_not_issued"
  | "payments_unavailable"
  | "payment_gateway_failed"
  | "payment_signature_invalid"
  | "payment_not_required"
  | "document_already_unlocked"
  | "payment_purpose_unsupported"
  | "payment_not_refundable"
  | "payment_being_confirmed"
  | "document_locked"
  | "download_not_allowed"
  | "internal";

export interface FieldIssue {
  path: string;
  message: Bilingual;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  /** Seconds the caller should wait, for too_many_attempts. */
  readonly retryAfter: number | undefined;

  constructor(
    code: ErrorCode,
    options: { issues?: FieldIssue[]; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = "DomainError";
    this.code = code;
    this.issues = options.issues;
    this.retryAfter = options.retryAfter;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
