import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

/**
 * A real OpenID provider (oidc-provider 9) on loopback for tests, with its development login page
 * (any password works: the login name is the account's `sub`). Consent is implied: the grant
 * covers what the client asks. Claims: `email`, `student_number` (scope "student"), names.
 */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds or replaces the claims of an account (its `sub`). */
  setAccount(sub: string, claims: Record<string, unknown>): void;
  /**
   * Follows the provider's pages as a browser would, signing in as `sub`, from the authorization
   * URL to the redirect back to the relying party; returns that callback URL (code, state, iss).
   */
  authorize(authorizationUrl: string, sub: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestOidcProvider(options: {
  redirectUris: string[];
  clientId?: string;
  clientSecret?: string;
}): Promise<TestOidcProvider> {
  const accounts = new Map<string, Record<string, unknown>>();
  let handler: ((req: never, res: never) => void) | null = null;
  const server: Server = createServer((req, res) =>
    (handler as (a: typeof req, b: typeof res) => void)(req, res),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = options.clientId ?? "sceau-test";
  const clientSecret = options.clientSecret ?? `secret-${Math.random().toString(36).slice(2)}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), alg: "RS256", use: "sig", kid: "test" };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: ["oidc-test-provider-cookie-key"] },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "given_name", "family_name"],
      student: ["student_number"],
    },
    pkce: { required: () => true },
    async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
      const claims = accounts.get(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const session = ctx.oidc.session;
      const client = ctx.oidc.client;
      if (!session?.accountId || !client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(ctx.oidc.params?.scope ?? "openid"));
      grant.addOIDCClaims([
        "sub",
        "email",
        "email_verified",
        "name",
        "given_name",
        "family_name",
        "student_number",
      ]);
      await grant.save();
      return grant;
    },
  });
  handler = provider.callback() as never;

  const authorize = async (authorizationUrl: string, sub: string): Promise<string> => {
    const jar = new Map<string, string>();
    const send = async (url: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
      const res = await fetch(url, { ...init, headers, redirect: "manual" });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(";");
        const eq = (pair ?? "").indexOf("=");
        const name = (pair ?? "").slice(0, eq);
        const value = (pair ?? "").slice(eq + 1);
        if (!value || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name);
        else jar.set(name, value);
      }
      return res;
    };
    let res = await send(authorizationUrl);
    for (let hop = 0; hop < 10; hop++) {
      const location = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && location) {
        const next = new URL(location, issuer).href;
        if (!next.startsWith(issuer)) return next;
        res = await send(next);
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (res.status !== 200 || !action)
        throw new Error(`unexpected provider answer ${res.status}: ${html.slice(0, 300)}`);
      const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1] ?? "login";
      const body = new URLSearchParams(
        prompt === "login" ? { prompt, login: sub, password: "any" } : { prompt },
      );
      res = await send(new URL(action, issuer).href, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: body.toString(),
      });
    }
    throw new Error("too many redirects at the test provider");
  };

  return {
    issuer,
    clientId,
    clientSecret,
    setAccount: (sub, claims) => accounts.set(sub, claims),
    authorize,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
