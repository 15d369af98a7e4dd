import { z } from "zod";
import { API_KEY_SCOPES } from "../../core/api-keys/api-keys.types.ts";

/** An API key as it leaves the server: never its hash, and the clear key only in CreatedApiKeyOut. */
export const ApiKeyOut = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: z.enum(["active", "revoked"]),
});

export const CreatedApiKeyOut = z.object({
  apiKey: ApiKeyOut,
  /** Shown once: only its hash is stored. */
  key: z.string(),
});
