import type { ErrorCode } from "../../core/errors.ts";

/** The one table from domain error codes to HTTP statuses. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  password_too_short: 400,
  password_too_long: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_disabled: 403,
  csrf_invalid: 403,
  password_incorrect: 403,
  cannot_change_self: 409,
  not_found: 404,
  invitation_invalid: 404,
  reset_link_invalid: 404,
  slug_taken: 409,
  already_member: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  rate_limited: 429,
  not_a_pdf: 415,
  pdf_unsignable: 422,
  signing_identity_missing: 409,
  pkcs12_invalid: 400,
  internal: 500,
};
