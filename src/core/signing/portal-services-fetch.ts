import type { CoreDeps } from "../ports.ts";
import { answerTimestampQuery } from "../timestamping/answer-timestamp-query.ts";
import { answerOcspRequest } from "./answer-ocsp-request.ts";
import { findPortalPki } from "./ensure-portal-pki.ts";
import { findPortalAuthority } from "./find-portal-authority.ts";
import { ISSUING_CA_CRL_PATH, OCSP_PATH, ROOT_CA_CRL_PATH, TSA_PATH } from "./pki-paths.ts";
import { portalCrl } from "./portal-crl.ts";

const CA_FILE = /^\/pki\/ca\/([0-9a-f]{40})\.(crl|crt)$/;

const answer = (body: Uint8Array, type: string) =>
  new Response(new Uint8Array(body), { status: 200, headers: { "content-type": type } });

/**
 * A `fetch` that answers the portal's own PKI services in process — the built-in timestamp
 * authority (POST /pki/tsa), the OCSP responder (POST /pki/ocsp) and each CA's CRL and certificate
 * (GET /pki/ca/<key id>.crl|crt, and the stable /pki/issuing-ca.crl and /pki/root-ca.crl) under
 * `publicUrl` — and hands every other URL to `fallback`.
 * Signing at B-T to B-LTA then works from the command line with no server running, and a server
 * never calls itself over HTTP. `deps` is read when a request is made (the composition root builds
 * the signers before it has the core dependencies).
 */
export function portalServicesFetch(
  publicUrl: string,
  deps: () => CoreDeps,
  fallback: typeof fetch = fetch,
): typeof fetch {
  const base = publicUrl.replace(/\/+$/, "");
  return async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(`${base}/pki/`)) return fallback(input, init);
    const path = url.slice(base.length).split("?", 1)[0] ?? "";
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const body = async () => new Uint8Array(await new Response(init?.body ?? null).arrayBuffer());
    if (method === "POST" && path === TSA_PATH)
      return answer(await answerTimestampQuery(deps(), await body()), "application/timestamp-reply");
    if (method === "POST" && path === OCSP_PATH)
      return answer(await answerOcspRequest(deps(), await body()), "application/ocsp-response");
    if (method === "GET" && (path === ISSUING_CA_CRL_PATH || path === ROOT_CA_CRL_PATH)) {
      const pki = await findPortalPki(deps());
      const ca = path === ROOT_CA_CRL_PATH ? pki?.root : pki?.issuing;
      if (!ca) return new Response(null, { status: 404 });
      return answer(await portalCrl(deps(), ca), "application/pkix-crl");
    }
    const file = method === "GET" ? CA_FILE.exec(path) : null;
    if (file?.[1]) {
      const ca = await findPortalAuthority(deps(), file[1]);
      if (!ca) return new Response(null, { status: 404 });
      return file[2] === "crl"
        ? answer(await portalCrl(deps(), ca), "application/pkix-crl")
        : answer(ca.certificateDer, "application/pkix-cert");
    }
    return fallback(input, init);
  };
}
