import type { ApiKey, ApiKeyInput, CreatedApiKey } from "../../core/api-keys/api-keys.types.ts";
import { request } from "./http.ts";

/** An API key as the API gives it (no institution or creator id). */
export type ApiKeyOut = Omit<ApiKey, "institutionId" | "createdByUserId">;

const base = (slug: string) => `/api/v1/institutions/${encodeURIComponent(slug)}/api-keys`;

export const apiKeysQueryKey = (slug: string) => ["institutions", slug, "api-keys"] as const;

export async function listApiKeys(slug: string): Promise<ApiKeyOut[]> {
  return (await request<{ apiKeys: ApiKeyOut[] }>("GET", base(slug))).apiKeys;
}

/** The answer holds the key itself, this once. */
export const createApiKey = (slug: string, input: ApiKeyInput) =>
  request<Omit<CreatedApiKey, "apiKey"> & { apiKey: ApiKeyOut }>("POST", base(slug), { json: input });

export async function revokeApiKey(slug: string, id: string): Promise<ApiKeyOut> {
  return (await request<{ apiKey: ApiKeyOut }>("DELETE", `${base(slug)}/${encodeURIComponent(id)}`)).apiKey;
}
