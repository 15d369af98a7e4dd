import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  listInbox,
  openInboxShare,
  setInboxProcessed,
} from "../../../core/organizations/organization-inbox.ts";
import { retrieveSharedDocument } from "../../../core/organizations/retrieve-shared-document.ts";
import { requireActor } from "../../http/auth.ts";
import { Slug } from "../../http/inputs.ts";
import { InboxItemOut, ShareParams, VerificationOut } from "../../presenters/organization-schemas.ts";
import { errors } from "../../presenters/schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

const Day = z.iso.date();

/** An organization's inbox: the shares it received (its admins and reviewers only; everyone else 404). */
export async function inboxRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);
  const tags = ["organizations"];

  r.get(
    "/api/v1/organizations/:slug/inbox",
    {
      schema: {
        tags,
        summary: "Received shares, newest first; q searches learner name, document title and institution",
        params: z.strictObject({ slug: Slug }),
        querystring: z.strictObject({
          q: z.string().max(200).optional(),
          processed: z.enum(["true", "false"]).optional(),
          from: Day.optional(),
          to: Day.optional(),
        }),
        response: { 200: z.object({ items: z.array(InboxItemOut) }), ...errors(400, 401, 404) },
      },
    },
    async (req) => ({
      items: await listInbox(deps.core, requireActor(req), req.params.slug, {
        q: req.query.q,
        processed: req.query.processed === undefined ? undefined : req.query.processed === "true",
        receivedFrom: req.query.from,
        receivedTo: req.query.to,
      }),
    }),
  );

  r.get(
    "/api/v1/organizations/:slug/inbox/:shareId",
    {
      schema: {
        tags,
        summary:
          "One received share with each document's registry record and `check`, the verdict of the stored file the organization retrieves",
        params: ShareParams,
        response: {
          200: z.object({ item: InboxItemOut.extend({ verifications: z.array(VerificationOut) }) }),
          ...errors(401, 404),
        },
      },
    },
    async (req) => ({
      item: await openInboxShare(deps.core, requireActor(req), req.params.slug, req.params.shareId),
    }),
  );

  r.put(
    "/api/v1/organizations/:slug/inbox/:shareId/processed",
    {
      schema: {
        tags,
        summary: "Mark a received share processed (true) or unprocessed (false)",
        params: ShareParams,
        body: z.strictObject({ processed: z.boolean() }),
        response: { 200: z.object({ item: InboxItemOut }), ...errors(400, 401, 404) },
      },
    },
    async (req) => ({
      item: await setInboxProcessed(
        deps.core,
        requireActor(req),
        req.params.slug,
        req.params.shareId,
        req.body.processed,
      ),
    }),
  );

  r.get(
    "/api/v1/organizations/:slug/inbox/:shareId/documents/:documentId/file",
    {
      schema: {
        tags,
        summary: "Download a shared document's signed original (recorded in the learner's history)",
        description:
          "409 `shared_file_not_issued` when the stored file does not verify as the document the institution issued (never served).",
        params: ShareParams.extend({ documentId: z.uuid() }),
        produces: ["application/pdf"],
      },
    },
    async (req, reply) => {
      const file = await retrieveSharedDocument(deps.core, requireActor(req), req.params.slug, {
        shareId: req.params.shareId,
        documentId: req.params.documentId,
        userAgent: req.headers["user-agent"]?.slice(0, 500) ?? null,
      });
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .header("cache-control", "private, no-store")
        .header("x-content-type-options", "nosniff")
        .send(Buffer.from(file.bytes));
    },
  );
}
