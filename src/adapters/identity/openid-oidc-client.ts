import * as oidc from "openid-client";
import { DomainError } from "../../core/errors.ts";
import type { OidcClient, OidcClientConfig } from "../../core/sign-on/sign-on.ports.ts";
import type { SignOnCheck } from "../../core/sign-on/sign-on.types.ts";

export interface OidcClientOptions {
  /** Accept http:// issuers on loopback (127.0.0.1, ::1, localhost): development and tests only. */
  allowLoopbackHttp: boolean;
  /** How long a discovered configuration is reused. */
  cacheMs?: number;
}

const LOOPBACK = new Set(["127.0.0.1", "[::1]", "localhost"]);

/** The issuer as a URL the portal may fetch: https, or http on loopback when allowed. */
function issuerUrl(issuer: string, allowLoopbackHttp: boolean): URL {
  const url = new URL(issuer);
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && allowLoopbackHttp && LOOPBACK.has(url.hostname)) return url;
  throw new Error(`issuer must use https: ${url.origin}`);
}

/** OidcClient over openid-client 6 (authorization code flow, PKCE S256, state, nonce). */
export function openidOidcClient(options: OidcClientOptions): OidcClient {
  const cacheMs = options.cacheMs ?? 5 * 60 * 1000;
  const cache = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

  const configure = (c: OidcClientConfig): Promise<oidc.Configuration> => {
    const key = JSON.stringify([c.issuer, c.clientId, c.clientSecret]);
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < cacheMs) return hit.config;
    const url = issuerUrl(c.issuer, options.allowLoopbackHttp);
    const insecure = url.protocol === "http:";
    const config = oidc.discovery(
      url,
      c.clientId,
      undefined,
      c.clientSecret ? oidc.ClientSecretBasic(c.clientSecret) : oidc.None(),
      insecure ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    );
    cache.set(key, { at: Date.now(), config });
    config.catch(() => cache.delete(key));
    return config;
  };

  return {
    async check(c) {
      const checks: SignOnCheck[] = [];
      let config: oidc.Configuration;
      try {
        config = await configure(c);
        checks.push({ id: "discovery", ok: true });
      } catch (e) {
        checks.push({
          id: "discovery",
          ok: false,
          detail: e instanceof Error ? e.message.slice(0, 300) : "failed",
        });
        return { ok: false, checks };
      }
      const m = config.serverMetadata();
      checks.push({
        id: "issuer",
        ok: m.issuer === c.issuer || m.issuer === new URL(c.issuer).href,
        detail: m.issuer,
      });
      checks.push({ id: "authorization_endpoint", ok: !!m.authorization_endpoint });
      checks.push({ id: "token_endpoint", ok: !!m.token_endpoint });
      checks.push({ id: "jwks", ok: !!m.jwks_uri });
      checks.push({
        id: "code_flow",
        ok: !m.response_types_supported || m.response_types_supported.includes("code"),
      });
      const pkce = m.code_challenge_methods_supported;
      checks.push({
        id: "pkce",
        ok: !pkce || pkce.includes("S256"),
        ...(pkce ? {} : { detail: "not advertised" }),
      });
      return { ok: checks.every((x) => x.ok), checks };
    },

    async authorizationUrl(c, request) {
      try {
        const config = await configure(c);
        const url = oidc.buildAuthorizationUrl(config, {
          redirect_uri: request.redirectUri,
          scope: request.scopes,
          state: request.state,
          nonce: request.nonce,
          code_challenge: await oidc.calculatePKCECodeChallenge(request.codeVerifier),
          code_challenge_method: "S256",
          response_type: "code",
        });
        return url.href;
      } catch (e) {
        throw new DomainError("sign_on_failed", { cause: e });
      }
    },

    async callback(c, response) {
      try {
        const config = await configure(c);
        const tokens = await oidc.authorizationCodeGrant(config, new URL(response.callbackUrl), {
          pkceCodeVerifier: response.codeVerifier,
          expectedState: response.state,
          expectedNonce: response.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) throw new Error("no ID token");
        let userinfo: Record<string, unknown> = {};
        if (config.serverMetadata().userinfo_endpoint && tokens.access_token) {
          userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
        }
        // The ID token is authoritative (iss, aud, sub, nonce); userinfo only adds claims.
        return { ...userinfo, ...claims };
      } catch (e) {
        throw new DomainError("sign_on_failed", { cause: e });
      }
    },
  };
}
