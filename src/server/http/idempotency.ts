import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { IDEMPOTENCY_TTL_MS } from "../../core/api-keys/api-key-rules.ts";
import { DomainError } from "../../core/errors.ts";
import type { CoreDeps } from "../../core/ports.ts";

export const IDEMPOTENCY_HEADER = "idempotency-key";
const MAX_KEY_LENGTH = 255;
/** A claim this old whose request never answered (the process died) is given up. */
const ABANDONED_AFTER_MS = 5 * 60 * 1000;
const PURGE_EVERY_MS = 10 * 60 * 1000;

export { IDEMPOTENCY_TTL_MS };

declare module "fastify" {
  interface FastifyRequest {
    /** Set while this request holds an idempotency key. */
    idempotency: { owner: string; key: string } | null;
  }
}

const badKey = (fr: string, en: string) =>
  new DomainError("validation_failed", { issues: [{ path: "Idempotency-Key", message: { fr, en } }] });

const isMultipart = (req: FastifyRequest) => /^multipart\//i.test(String(req.headers["content-type"] ?? ""));

/** What makes two requests "the same": method, path with query, and body bytes (JSON as parsed, or raw). */
function requestHash(req: FastifyRequest): string {
  const h = createHash("sha256").update(`${req.method} ${req.url}\n`);
  const body = req.body;
  // A multipart body is read by the handler, after this check, and its random boundary differs
  // between two sends of the same upload: such requests are matched on method and path only.
  if (isMultipart(req)) h.update("multipart\n");
  else if (Buffer.isBuffer(body)) h.update("raw\n").update(body);
  else if (body !== undefined) h.update("json\n").update(JSON.stringify(body));
  return h.digest("hex");
}

/**
 * Idempotency keys for every authenticated POST under /api/v1: a POST carrying `Idempotency-Key`
 * runs once per owner (the API key or the user) and key; the same request again within 24 hours
 * gets the stored status and JSON body back (header `idempotent-replayed: true`); another request
 * with that key is refused (422), and one that arrives while the first still runs gets 409.
 * Only 2xx JSON answers are stored; after an error the key is free to retry. Multipart uploads are
 * matched on method and path only (docs/api.md).
 */
export function installIdempotency(app: FastifyInstance, core: CoreDeps): void {
  app.decorateRequest("idempotency", null);
  let lastPurge = 0;

  const reserve = async (req: FastifyRequest, reply: FastifyReply) => {
    const header = req.headers[IDEMPOTENCY_HEADER];
    if (header === undefined || !req.actor) return;
    const key = Array.isArray(header) ? "" : header.trim();
    if (!key || key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key))
      throw badKey(
        "La clé d'idempotence doit compter de 1 à 255 caractères ASCII visibles.",
        "The idempotency key must be 1 to 255 visible ASCII characters.",
      );
    const owner = req.actor.apiKey ? `apikey:${req.actor.apiKey.id}` : `user:${req.actor.user.id}`;
    const hash = requestHash(req);
    const now = core.clock.now();
    const store = core.stores.idempotency;
    if (now.getTime() - lastPurge > PURGE_EVERY_MS) {
      lastPurge = now.getTime();
      await store.purge(new Date(now.getTime() - IDEMPOTENCY_TTL_MS));
    }

    for (let attempt = 0; attempt < 2; attempt++) {
      if (await store.reserve(owner, key, hash, now)) {
        req.idempotency = { owner, key };
        return;
      }
      const found = await store.find(owner, key);
      if (!found) continue; // released in between: claim it again
      const age = now.getTime() - found.createdAt.getTime();
      const abandoned = found.statusCode === 0 && age > ABANDONED_AFTER_MS;
      if (age > IDEMPOTENCY_TTL_MS || abandoned) {
        await store.release(owner, key);
        continue;
      }
      if (found.requestHash !== hash) throw new DomainError("idempotency_key_mismatch");
      if (found.statusCode === 0) throw new DomainError("idempotency_key_in_progress");
      return reply
        .code(found.statusCode)
        .header("idempotent-replayed", "true")
        .header("content-type", "application/json; charset=utf-8")
        .send(JSON.stringify(found.responseBody));
    }
    throw new DomainError("idempotency_key_in_progress");
  };

  const settle = async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const held = req.idempotency;
    if (!held) return payload;
    req.idempotency = null;
    const store = core.stores.idempotency;
    const ok = reply.statusCode >= 200 && reply.statusCode < 300;
    let body: unknown;
    try {
      body = ok && typeof payload === "string" ? JSON.parse(payload) : undefined;
    } catch {
      body = undefined;
    }
    if (body === undefined) await store.release(held.owner, held.key);
    else await store.complete(held.owner, held.key, reply.statusCode, body);
    return payload;
  };

  // Only POST routes under /api/v1/ carry the two hooks: other requests do not pay for them.
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes("POST") || !route.url.startsWith("/api/v1/")) return;
    route.preHandler = [reserve, ...toArray(route.preHandler)];
    route.onSend = [...toArray(route.onSend), settle];
  });
}

const toArray = <T>(hooks: T | T[] | undefined): T[] =>
  hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];
