import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { API_KEY_NAME_MAX } from "../../../core/api-keys/api-key-rules.ts";
import { API_KEY_SCOPES } from "../../../core/api-keys/api-keys.types.ts";
import { createApiKey } from "../../../core/api-keys/create-api-key.ts";
import { listApiKeys } from "../../../core/api-keys/list-api-keys.ts";
import { revokeApiKey } from "../../../core/api-keys/revoke-api-key.ts";
import { requireActor } from "../../http/auth.ts";
import { Slug, Uuid } from "../../http/inputs.ts";
import { ApiKeyOut, CreatedApiKeyOut } from "../../presenters/api-key-schemas.ts";
import { errors } from "../../presenters/schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

const SlugParams = z.strictObject({ slug: Slug });
const IdParams = z.strictObject({ slug: Slug, id: Uuid });

/** An institution's API keys: its administrators (and the operator) only; never callable with an API key. */
export async function apiKeyRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);
  const tags = ["API keys"];

  r.get(
    "/api/v1/institutions/:slug/api-keys",
    {
      schema: {
        tags,
        summary: "The institution's API keys, newest first, revoked ones included (its administrators)",
        params: SlugParams,
        response: { 200: z.object({ apiKeys: z.array(ApiKeyOut) }), ...errors(401, 403, 404) },
      },
    },
    async (req) => ({ apiKeys: await listApiKeys(deps.core, requireActor(req), req.params.slug) }),
  );

  r.post(
    "/api/v1/institutions/:slug/api-keys",
    {
      schema: {
        tags,
        summary:
          "Create an API key with scopes issue, read and/or revoke; the answer holds the key itself, shown this once",
        params: SlugParams,
        body: z.strictObject({
          name: z.string().max(API_KEY_NAME_MAX * 2),
          scopes: z.array(z.enum(API_KEY_SCOPES)).min(1).max(API_KEY_SCOPES.length),
        }),
        response: { 201: CreatedApiKeyOut, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createApiKey(deps.core, requireActor(req), req.params.slug, req.body)),
  );

  r.delete(
    "/api/v1/institutions/:slug/api-keys/:id",
    {
      schema: {
        tags,
        summary: "Revoke an API key for good (it answers 401 from then on); revoking twice changes nothing",
        params: IdParams,
        response: { 200: z.object({ apiKey: ApiKeyOut }), ...errors(401, 403, 404) },
      },
    },
    async (req) => ({
      apiKey: await revokeApiKey(deps.core, requireActor(req), req.params.slug, req.params.id),
    }),
  );
}
