/** What an institution's API key may do. Routes state the scope they need (server/http/auth.ts). */
export const API_KEY_SCOPES = ["issue", "read", "revoke"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export type ApiKeyStatus = "active" | "revoked";

/** An institution's API key as people see it: never the key itself nor its hash. */
export interface ApiKey {
  id: string;
  institutionId: string;
  name: string;
  /** The first characters of the key, to recognise it (e.g. "sceau_Ab12Cd"). */
  prefix: string;
  scopes: ApiKeyScope[];
  createdByUserId: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  status: ApiKeyStatus;
}

export interface ApiKeyInput {
  name: string;
  scopes: ApiKeyScope[];
}

/** A new key: the clear key is shown once, in this answer, and never again. */
export interface CreatedApiKey {
  apiKey: ApiKey;
  key: string;
}

/** The API key a request acts with (on Actor.apiKey). */
export interface ApiKeyCaller {
  id: string;
  institutionId: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
}
