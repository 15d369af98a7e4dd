import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { changeSharePasscode } from "../../../core/sharing/change-share-passcode.ts";
import { createShare } from "../../../core/sharing/create-share.ts";
import { extendShare } from "../../../core/sharing/extend-share.ts";
import { liftShareLock } from "../../../core/sharing/lift-share-lock.ts";
import { listShares } from "../../../core/sharing/list-shares.ts";
import { quoteShare } from "../../../core/sharing/quote-share.ts";
import { revokeShare } from "../../../core/sharing/revoke-share.ts";
import { requireActor } from "../../http/auth.ts";
import { Email, Uuid } from "../../http/inputs.ts";
import { errors } from "../../presenters/schemas.ts";
import { ShareQuoteOut, ShareSummaryOut } from "../../presenters/share-schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

const Passcode = z.string().min(4).max(64);

/** What a learner may ask for when sharing (the core checks the channel's rules). */
export const ShareIn = z
  .object({
    channel: z.enum(["email", "link", "public", "organization"]),
    documentIds: z.array(Uuid).min(1).max(20),
    recipientEmail: Email.nullish(),
    message: z.string().trim().max(1000).nullish(),
    organizationId: Uuid.nullish(),
    lifetimeDays: z.number().int().min(1).max(365).nullish(),
    passcode: Passcode.nullish(),
    maxViews: z.number().int().min(1).max(1000).nullish(),
    downloadAllowed: z.boolean().optional(),
    notifyOnFirstView: z.boolean().optional(),
  })
  .strict();

const IdParams = z.object({ id: z.string().max(64) });
const tags = ["sharing"];

/** The signed-in learner's shares: create (or price), list, revoke, extend, unlock, new passcode. People only. */
export async function shareRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);
  r.post(
    "/api/v1/shares/quote",
    {
      schema: {
        tags,
        summary: "What sharing these documents would cost (checked as a creation would be)",
        body: ShareIn,
        response: { 200: z.object({ quote: ShareQuoteOut }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => ({ quote: await quoteShare(deps.core, requireActor(req), req.body) }),
  );

  r.post(
    "/api/v1/shares",
    {
      schema: {
        tags,
        summary: "Share one's own active documents by email, link, public page or with an organization",
        description:
          "A share whose documents' types charge a share fee answers 402 payment_required and creates nothing: it is created when its payment is confirmed. The link is in this answer only.",
        body: ShareIn,
        response: {
          201: z.object({ share: ShareSummaryOut, link: z.string().nullable() }),
          ...errors(400, 401, 402, 403, 404, 409),
        },
      },
    },
    async (req, reply) => reply.code(201).send(await createShare(deps.core, requireActor(req), req.body)),
  );

  r.get(
    "/api/v1/shares",
    {
      schema: {
        tags,
        summary: "The signed-in learner's shares, newest first, with their views and downloads",
        response: { 200: z.object({ shares: z.array(ShareSummaryOut) }), ...errors(401, 403) },
      },
    },
    async (req) => ({ shares: await listShares(deps.core, requireActor(req)) }),
  );

  r.post(
    "/api/v1/shares/:id/revoke",
    {
      schema: {
        tags,
        summary: "Revoke one's share: its link stops working at once",
        params: IdParams,
        response: { 200: z.object({ share: ShareSummaryOut }), ...errors(401, 403, 404, 409) },
      },
    },
    async (req) => ({ share: await revokeShare(deps.core, requireActor(req), req.params.id) }),
  );

  r.post(
    "/api/v1/shares/:id/extend",
    {
      schema: {
        tags,
        summary: "Extend one's share by some days (at most a year after its creation)",
        params: IdParams,
        body: z.object({ days: z.number().int().min(1).max(365) }).strict(),
        response: { 200: z.object({ share: ShareSummaryOut }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => ({ share: await extendShare(deps.core, requireActor(req), req.params.id, req.body.days) }),
  );

  r.post(
    "/api/v1/shares/:id/unlock",
    {
      schema: {
        tags,
        summary: "Lift the lock wrong passcodes or codes put on one's share (the failures are forgotten)",
        params: IdParams,
        response: { 200: z.object({ share: ShareSummaryOut }), ...errors(401, 403, 404, 409) },
      },
    },
    async (req) => ({ share: await liftShareLock(deps.core, requireActor(req), req.params.id) }),
  );

  r.post(
    "/api/v1/shares/:id/passcode",
    {
      schema: {
        tags,
        summary:
          "Give one's link share a new passcode: the old one and the browsers that opened the share with it stop working; the lock is lifted",
        params: IdParams,
        body: z.object({ passcode: Passcode }).strict(),
        response: { 200: z.object({ share: ShareSummaryOut }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => ({
      share: await changeSharePasscode(deps.core, requireActor(req), req.params.id, req.body.passcode),
    }),
  );
}
