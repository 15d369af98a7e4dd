import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { ERROR_MESSAGES } from "../../../core/error-messages.ts";
import { openShare } from "../../../core/sharing/open-share.ts";
import { readSharedFile } from "../../../core/sharing/read-shared-file.ts";
import { sendShareCode } from "../../../core/sharing/send-share-code.ts";
import { unlockShare } from "../../../core/sharing/unlock-share.ts";
import { clientInfo, PUBLIC } from "../../http/auth.ts";
import { errors } from "../../presenters/schemas.ts";
import { RecipientShareOut, ShareNotFoundOut } from "../../presenters/share-schemas.ts";
import { authRateLimit, type RouteContext, typed } from "../route-context.ts";

/**
 * The recipient's access to one share (set on a view or an unlock, an hour long, for downloads and
 * reloads). Its path is the share's own (`/api/v1/shares/<token>`): a browser holding several
 * shares open keeps one cookie for each.
 */
export const SHARE_ACCESS_COOKIE = "sceau_share_access";
const cookiePath = (token: string) => `/api/v1/shares/${encodeURIComponent(token)}`;

const TokenParams = z.object({ token: z.string().max(200) });
const tags = ["sharing"];
/** ?view=1: the bytes for the in-browser viewer (inline), not a download. */
export const ViewQuery = z.object({ view: z.enum(["0", "1"]).optional() });

const accessOf = (req: FastifyRequest) => req.cookies[SHARE_ACCESS_COOKIE] ?? null;

/** What anyone holding a share's link may do: see it, unlock it, download its documents when allowed. */
export async function recipientShareRoutes(app: FastifyInstance, { deps, config }: RouteContext) {
  const r = typed(app);
  const setAccess = (reply: FastifyReply, token: string, access: { token: string; expiresAt: Date }) =>
    reply.setCookie(SHARE_ACCESS_COOKIE, access.token, {
      path: cookiePath(token),
      httpOnly: true,
      sameSite: "lax",
      secure: config.secure,
      expires: access.expiresAt,
    });

  r.get(
    "/api/v1/shares/:token",
    {
      config: PUBLIC,
      schema: {
        tags,
        summary:
          "A share's documents, each with the verdict of its stored file (each call is a view); or what it needs to open",
        description:
          "Each document's `check` verifies the stored signed file the recipient gets (signatures, trust, the registry record it names, then this document's): `valid`, `revoked`, `superseded`, `invalid` (with the main problem) or `unknown` (not the file the institution issued). 404 for an unknown token, and for an expired, revoked or used-up link with `share` saying why and who issued the documents (not whose they are). Nothing is recorded for an unknown token.",
        params: TokenParams,
        response: { 200: z.object({ share: RecipientShareOut }), 404: ShareNotFoundOut },
      },
    },
    async (req, reply) => {
      const opened = await openShare(deps.core, req.params.token, {
        ...clientInfo(req),
        accessToken: accessOf(req),
      });
      reply.header("cache-control", "no-store");
      if (opened.share.state === "unavailable")
        return reply.code(404).send({
          error: { code: "not_found", message: ERROR_MESSAGES.not_found, requestId: String(req.id) },
          share: opened.share,
        });
      if (opened.access) setAccess(reply, req.params.token, opened.access);
      return reply.send({ share: opened.share });
    },
  );

  r.post(
    "/api/v1/shares/:token/code",
    {
      config: { ...PUBLIC, ...authRateLimit(config) },
      schema: {
        tags,
        summary: "Email a one-time code to the address the share is for",
        description:
          "`locale`: the language the recipient reads the page in, first in the email (French by default).",
        params: TokenParams,
        body: z
          .object({ locale: z.enum(["fr", "en"]).optional() })
          .strict()
          .optional(),
        response: { 200: z.object({ emailHint: z.string() }), ...errors(400, 403, 404, 429) },
      },
    },
    async (req) => sendShareCode(deps.core, req.params.token, req.body?.locale ?? "fr"),
  );

  r.post(
    "/api/v1/shares/:token/access",
    {
      config: { ...PUBLIC, ...authRateLimit(config) },
      schema: {
        tags,
        summary: "Open a guarded share with its passcode and/or emailed code",
        description:
          "Wrong answers back off (counted in the database): after 5 from one client (IPv4 address or IPv6 /64) that client waits 1 min, 2, 4 … up to 1 h; after 10 on one share (only each client's first 5 count) the share waits 5 min, 10 … up to 2 h, and its learner sees it locked. 429 `too_many_attempts` with `Retry-After` (seconds) and the wait in words.",
        params: TokenParams,
        body: z
          .object({ passcode: z.string().max(64).nullish(), code: z.string().max(20).nullish() })
          .strict(),
        response: { 200: z.object({ ok: z.literal(true) }), ...errors(400, 403, 404, 429) },
      },
    },
    async (req, reply) => {
      const access = await unlockShare(deps.core, req.params.token, req.body, clientInfo(req));
      setAccess(reply, req.params.token, access);
      return { ok: true as const };
    },
  );

  r.get(
    "/api/v1/shares/:token/documents/:id/file",
    {
      config: PUBLIC,
      schema: {
        tags,
        summary:
          "A shared document's signed original, as issued: a download when the share allows it (recorded, counted against a view limit), or with ?view=1 inline for the in-browser viewer (whenever this browser opened the share; nothing more recorded)",
        description:
          "409 `share_used_up` once a view limit is reached (views and downloads together); 409 `shared_file_not_issued` when the stored file does not verify as the document the institution issued (never served).",
        params: TokenParams.extend({ id: z.string().max(64) }),
        querystring: ViewQuery,
        produces: ["application/pdf"],
      },
    },
    async (req, reply) => {
      const view = req.query.view === "1";
      const file = await readSharedFile(
        deps.core,
        req.params.token,
        req.params.id,
        { ...clientInfo(req), accessToken: accessOf(req) },
        view ? "view" : "download",
      );
      return reply
        .type("application/pdf")
        .header("content-disposition", `${view ? "inline" : "attachment"}; filename="${file.fileName}"`)
        .header("cache-control", "private, no-store")
        .header("x-content-type-options", "nosniff")
        .send(Buffer.from(file.bytes));
    },
  );
}
