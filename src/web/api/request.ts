import { ApiError, apiErrorFromResponse, networkError, UNEXPECTED_RESPONSE } from "./ApiError.ts";

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
