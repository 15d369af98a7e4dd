import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { DomainError } from "../../../core/errors.ts";
import { answerOcspRequest } from "../../../core/signing/answer-ocsp-request.ts";
import { findPortalPki } from "../../../core/signing/ensure-portal-pki.ts";
import { findPortalAuthority } from "../../../core/signing/find-portal-authority.ts";
import { ISSUING_CA_CRL_PATH, OCSP_PATH, ROOT_CA_CRL_PATH } from "../../../core/signing/pki-paths.ts";
import { portalCrl } from "../../../core/signing/portal-crl.ts";
import type { PortalAuthorityRecord } from "../../../core/signing/signing.ports.ts";
import { PUBLIC } from "../../http/auth.ts";
import { errors } from "../../presenters/schemas.ts";
import type { RouteContext } from "../route-context.ts";

/** Largest OCSP request accepted (POST body, or decoded GET path): a request for 20 certificates is ~2 KiB. */
export const OCSP_MAX_REQUEST_BYTES = 16 * 1024;

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/**
 * The portal CAs' public revocation services (docs/signing.md, "Revocation services"): OCSP
 * (RFC 6960, POST and GET), each CA's CRL and certificate by key id, and stable names for the
 * current root and issuing CA. Anyone, no account; a malformed OCSP request is answered
 * malformedRequest (HTTP 200, as RFC 6960 §A.1 wants), never an error page.
 */
export async function pkiRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const tags = ["verification"];
  app.addContentTypeParser(
    "application/ocsp-request",
    { parseAs: "buffer", bodyLimit: OCSP_MAX_REQUEST_BYTES },
    (_req, body, done) => done(null, body),
  );

  const answer = async (reply: FastifyReply, der: Uint8Array | null, cache: string) => {
    let body: Uint8Array;
    try {
      body = der
        ? await answerOcspRequest(deps.core, der)
        : deps.core.revocation.ocspError("malformedRequest");
    } catch (err) {
      reply.log.error({ err }, "OCSP: the request could not be answered");
      body = deps.core.revocation.ocspError("internalError");
      cache = "no-store";
    }
    return reply.type("application/ocsp-response").header("cache-control", cache).send(Buffer.from(body));
  };

  app.post(
    OCSP_PATH,
    {
      config: PUBLIC,
      bodyLimit: OCSP_MAX_REQUEST_BYTES,
      schema: {
        tags,
        summary: "OCSP responder of the portal CAs (RFC 6960): body application/ocsp-request (DER)",
        response: errors(413, 415),
      },
    },
    async (req, reply) =>
      answer(reply, Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : null, "no-store"),
  );

  app.get(
    `${OCSP_PATH}/*`,
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: "OCSP responder, GET form: the DER request in base64, URL-encoded, after the path",
      },
    },
    async (req, reply) => {
      const raw = (req.raw.url ?? "").split("?", 1)[0]?.slice(OCSP_PATH.length + 1) ?? "";
      let der: Uint8Array | null = null;
      try {
        const text = decodeURIComponent(raw);
        if (text.length <= (OCSP_MAX_REQUEST_BYTES * 4) / 3 + 4 && BASE64.test(text))
          der = new Uint8Array(
            Buffer.from(text, text.includes("-") || text.includes("_") ? "base64url" : "base64"),
          );
      } catch {
        der = null;
      }
      return answer(reply, der, "public, max-age=300");
    },
  );

  const sendCrl = async (reply: FastifyReply, ca: PortalAuthorityRecord | null | undefined) => {
    if (!ca) throw new DomainError("not_found");
    const crl = await portalCrl(deps.core, ca);
    return reply
      .type("application/pkix-crl")
      .header("cache-control", "public, max-age=3600")
      .send(Buffer.from(crl));
  };
  const sendCertificate = (reply: FastifyReply, ca: PortalAuthorityRecord | null | undefined) => {
    if (!ca) throw new DomainError("not_found");
    return reply
      .type("application/pkix-cert")
      .header("cache-control", "public, max-age=86400")
      .send(Buffer.from(ca.certificateDer));
  };

  const file = z.strictObject({ file: z.string().max(64) });
  app.get(
    "/pki/ca/:file",
    {
      config: PUBLIC,
      schema: {
        tags,
        summary:
          "A portal CA's CRL (<key id>.crl, DER) or certificate (<key id>.crt, DER); the key id is the SHA-1 of its public key, hex",
        params: file,
        response: errors(404),
      },
    },
    async (req, reply) => {
      const { file: name } = req.params as z.infer<typeof file>;
      const m = /^([0-9a-f]{40})\.(crl|crt)$/.exec(name);
      if (!m?.[1]) throw new DomainError("not_found");
      const ca = await findPortalAuthority(deps.core, m[1]);
      return m[2] === "crl" ? sendCrl(reply, ca) : sendCertificate(reply, ca);
    },
  );

  const current = async (kind: "root" | "issuing") => (await findPortalPki(deps.core))?.[kind];
  const named = { config: PUBLIC, schema: { tags, response: errors(404) } };
  app.get(
    ISSUING_CA_CRL_PATH,
    { ...named, schema: { ...named.schema, summary: "The current issuing CA's CRL (DER)" } },
    async (_req, reply) => sendCrl(reply, await current("issuing")),
  );
  app.get(
    ROOT_CA_CRL_PATH,
    { ...named, schema: { ...named.schema, summary: "The root CA's CRL (DER): the issuing CAs it revoked" } },
    async (_req, reply) => sendCrl(reply, await current("root")),
  );
  app.get(
    "/pki/issuing-ca.crt",
    { ...named, schema: { ...named.schema, summary: "The current issuing CA's certificate (DER)" } },
    async (_req, reply) => sendCertificate(reply, await current("issuing")),
  );
  app.get(
    "/pki/root-ca.crt",
    { ...named, schema: { ...named.schema, summary: "The root CA's certificate (DER)" } },
    async (_req, reply) => sendCertificate(reply, await current("root")),
  );
}
