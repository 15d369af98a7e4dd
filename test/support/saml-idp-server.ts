import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { buildSamlResponse, createTestIdp, readAuthnRequest, type TestIdp } from "./saml-idp.ts";

export interface IdpUser {
  password: string;
  nameId: string;
  attributes: Record<string, string>;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const html = (res: ServerResponse, status: number, title: string, body: string) => {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`,
  );
};

const readForm = (req: IncomingMessage): Promise<URLSearchParams> =>
  new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > 64 * 1024) req.destroy();
    });
    req.on("end", () => resolve(new URLSearchParams(body)));
    req.on("error", reject);
  });

/**
 * A SAML identity provider on loopback for end-to-end tests: GET /sso takes the HTTP-Redirect
 * AuthnRequest of the one service provider it knows (refusing any other issuer or ACS URL) and
 * shows a login form; POST /login checks the user's password and answers with a page whose form
 * posts the signed Response to the ACS (submitted by script, or by its button).
 */
export async function startSamlIdpServer(
  sp: { entityId: string; acsUrl: string },
  users: Record<string, IdpUser>,
) {
  let idp: TestIdp | null = null;
  const pending = new Map<string, { requestId: string; relayState: string }>();
  const server = createServer((req, res) => {
    handle(req, res).catch((err) => html(res, 500, "IdP error", `<p>${esc(String(err))}</p>`));
  });
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    if (req.method === "GET" && url.pathname === "/sso") {
      const request = readAuthnRequest(url.href);
      if (request.issuer !== sp.entityId || (request.acsUrl && request.acsUrl !== sp.acsUrl)) {
        return html(res, 400, "Unknown service provider", "");
      }
      const ticket = randomBytes(16).toString("hex");
      pending.set(ticket, { requestId: request.id, relayState: request.relayState ?? "" });
      return html(
        res,
        200,
        "Test identity provider",
        `<form method="post" action="/login"><input type="hidden" name="ticket" value="${ticket}">` +
          `<p><label>Username <input name="username" autocomplete="username"></label></p>` +
          `<p><label>Password <input name="password" type="password" autocomplete="current-password"></label></p>` +
          `<p><button type="submit">Sign in at the IdP</button></p></form>`,
      );
    }
    if (req.method === "POST" && url.pathname === "/login" && idp) {
      const form = await readForm(req);
      const ticket = pending.get(form.get("ticket") ?? "");
      const user = users[form.get("username") ?? ""];
      if (!ticket || !user || user.password !== form.get("password")) {
        return html(res, 401, "Wrong username or password", "");
      }
      pending.delete(form.get("ticket") ?? "");
      const samlResponse = buildSamlResponse(idp, {
        sp,
        inResponseTo: ticket.requestId,
        nameId: user.nameId,
        attributes: user.attributes,
      });
      return html(
        res,
        200,
        "Signing you in…",
        `<form method="post" action="${esc(sp.acsUrl)}"><input type="hidden" name="SAMLResponse" value="${samlResponse}">` +
          `<input type="hidden" name="RelayState" value="${esc(ticket.relayState)}">` +
          `<p><button type="submit">Continue</button></p></form><script>document.forms[0].submit()</script>`,
      );
    }
    return html(res, 404, "Not found", "");
  }
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  idp = await createTestIdp("saml-idp", `http://127.0.0.1:${port}/sso`);
  const ready = idp;
  return {
    idp: ready,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
