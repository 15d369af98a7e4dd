import type { ApiErrorBody } from "../../core/errors.types.ts";
import type { Bilingual } from "../../core/i18n.types.ts";

export type ApiIssue = NonNullable<ApiErrorBody["error"]["issues"]>[number];

/** Codes the client itself uses when no error body from the API is available. */
export const NETWORK_ERROR = "network_error";
export const UNEXPECTED_RESPONSE = "unexpected_response";

/**
 * An error answer of the API. `message` is null when the API could not be reached
 * (status 0, code "network_error") or answered something that is not an error body
 * (code "unexpected_response"); the UI then shows a message from its own catalogs.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: Bilingual | null;
  readonly issues: ApiIssue[];
  readonly requestId: string | undefined;
  /** Seconds to wait before trying again, from the retry-after header (429 answers). */
  readonly retryAfter: number | undefined;

  constructor(
    status: number,
    code: string,
    body: Partial<ApiErrorBody["error"]> = {},
    options: { retryAfter?: number | undefined; cause?: unknown } = {},
  ) {
    super(body.message?.en ?? code, { cause: options.cause });
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.messages = body.message ?? null;
    this.issues = body.issues ?? [];
    this.requestId = body.requestId;
    this.retryAfter = options.retryAfter;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    typeof code === "string" &&
    typeof message === "object" &&
    message !== null &&
    typeof (message as Bilingual).fr === "string" &&
    typeof (message as Bilingual).en === "string"
  );
}

/** Builds an ApiError from a non-2xx answer, whatever its body. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  const retryHeader = response.headers.get("retry-after");
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : undefined;
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (isErrorBody(body)) return new ApiError(response.status, body.error.code, body.error, { retryAfter });
  return new ApiError(response.status, UNEXPECTED_RESPONSE, {}, { retryAfter });
}

export function networkError(cause: unknown): ApiError {
  return new ApiError(0, NETWORK_ERROR, {}, { cause });
}
