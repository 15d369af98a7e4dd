/**
 * The plumbing every area module of the API client shares: `request` (JSON, uploads, the CSRF
 * token and its one retry) and `ApiError`, what a failed call throws.
 */
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

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestOptions {
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (a file upload), with its own content type. */
  blob?: Blob;
  /** Sent as multipart/form-data (the browser writes the content type and boundary). */
  form?: FormData;
  /** A public route that needs no CSRF token (e.g. the verifier): none is fetched or sent. */
  noCsrf?: boolean;
}

const WRITE_METHODS: ReadonlySet<Method> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The CSRF token, fetched once and shared by every write until the server rejects it. */
let csrfToken: Promise<string> | null = null;

async function send(method: Method, path: string, headers: Headers, body: BodyInit | undefined) {
  try {
    return await fetch(path, { method, headers, body, credentials: "same-origin" });
  } catch (cause) {
    throw networkError(cause);
  }
}

async function fetchCsrfToken(): Promise<string> {
  const response = await send(
    "GET",
    "/api/v1/auth/csrf",
    new Headers({ accept: "application/json" }),
    undefined,
  );
  if (!response.ok) throw await apiErrorFromResponse(response);
  const data = (await response.json()) as { token: string };
  return data.token;
}

function getCsrfToken(): Promise<string> {
  if (!csrfToken) {
    csrfToken = fetchCsrfToken();
    csrfToken.catch(() => {
      csrfToken = null;
    });
  }
  return csrfToken;
}

/** Forgets the CSRF token, e.g. after signing in or out; the next write fetches a new one. */
export function forgetCsrfToken(): void {
  csrfToken = null;
}

async function attempt(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers = new Headers({ accept: "application/json" });
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(options.json);
  } else if (options.blob) {
    headers.set("content-type", options.blob.type || "application/octet-stream");
    body = options.blob;
  } else if (options.form) {
    body = options.form;
  }
  if (WRITE_METHODS.has(method) && !options.noCsrf) headers.set("x-csrf-token", await getCsrfToken());
  return send(method, path, headers, body);
}

/**
 * Calls the API and returns the parsed JSON answer (undefined for 204 or an empty body).
 * Writes carry the CSRF token; when the server rejects it, a fresh one is fetched and the
 * request is tried once more.
 */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await attempt(method, path, options);
  if (!response.ok) {
    let error = await apiErrorFromResponse(response);
    if (error.status === 403 && error.code === "csrf_invalid" && WRITE_METHODS.has(method)) {
      forgetCsrfToken();
      response = await attempt(method, path, options);
      if (!response.ok) error = await apiErrorFromResponse(response);
    }
    if (!response.ok) throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new ApiError(response.status, UNEXPECTED_RESPONSE, {}, { cause });
  }
}

/** The path of one institution's resources, the prefix most staff routes share. */
export const institutionPath = (slug: string) => `/api/v1/institutions/${encodeURIComponent(slug)}`;
