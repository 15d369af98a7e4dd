import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { listPaymentHistory } from "../../../core/payments/list-payment-history.ts";
import { quoteUnlock } from "../../../core/payments/quote-unlock.ts";
import { startShareCheckout } from "../../../core/payments/start-share-checkout.ts";
import { startUnlockCheckout } from "../../../core/payments/start-unlock-checkout.ts";
import { takeSharePaymentLink } from "../../../core/payments/take-share-payment-link.ts";
import { readWalletDocumentFile } from "../../../core/wallet/read-wallet-document-file.ts";
import { requireActor } from "../../http/auth.ts";
import { Uuid } from "../../http/inputs.ts";
import {
  CheckoutOut,
  PaymentOut,
  QuoteOut,
  SharePaymentStatusOut,
} from "../../presenters/payment-schemas.ts";
import { errors } from "../../presenters/schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";
import { ViewQuery } from "../sharing/recipient-share-routes.ts";
import { ShareIn } from "../sharing/share-routes.ts";

const DocParams = z.strictObject({ id: Uuid });

/** The learner's side of fees: the price, the checkout, the payment history, and the download it opens. */
export async function walletPaymentRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);
  const tags = ["wallet"];

  r.get(
    "/api/v1/wallet/documents/:id/unlock-quote",
    {
      schema: {
        tags,
        summary: "What unlocking one of my documents costs, formatted in my language (or ?lang=)",
        params: DocParams,
        querystring: z.strictObject({ lang: z.enum(["fr", "en"]).optional() }),
        response: { 200: QuoteOut, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return quoteUnlock(deps.core, actor, req.params.id, req.query.lang ?? actor.user.locale);
    },
  );

  r.post(
    "/api/v1/wallet/documents/:id/unlock",
    {
      schema: {
        tags,
        summary:
          "Start paying to unlock one of my documents: returns the checkout to open (the one still open, if any). Nothing is unlocked before the gateway confirms the payment.",
        params: DocParams,
        response: {
          201: CheckoutOut,
          ...errors(400, 401, 403, 404, 409, 502, 503),
        },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return startUnlockCheckout(deps.core, requireActor(req), req.params.id);
    },
  );

  r.post(
    "/api/v1/wallet/shares/checkout",
    {
      schema: {
        tags,
        summary:
          "Start paying for a share whose documents charge a share fee: returns the checkout to open. The share is created when the gateway confirms the payment, with these parameters.",
        body: ShareIn,
        response: { 201: CheckoutOut, ...errors(400, 401, 403, 404, 409, 502, 503) },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return startShareCheckout(deps.core, requireActor(req), req.body);
    },
  );

  r.post(
    "/api/v1/wallet/payments/:id/share",
    {
      schema: {
        tags,
        summary:
          "Where one of my share payments stands; the first call after the share was made returns its link, once (it is then erased)",
        params: DocParams,
        response: {
          200: SharePaymentStatusOut,
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req) => takeSharePaymentLink(deps.core, requireActor(req), req.params.id),
  );

  r.get(
    "/api/v1/wallet/payments",
    {
      schema: {
        tags,
        summary: "My payments, newest first, with their receipt numbers",
        response: { 200: z.object({ payments: z.array(PaymentOut) }), ...errors(401, 403) },
      },
    },
    async (req) => ({ payments: await listPaymentHistory(deps.core, requireActor(req)) }),
  );

  r.get(
    "/api/v1/wallet/documents/:id/file",
    {
      schema: {
        tags,
        summary:
          "The signed original of one of my documents, as issued, once unlocked if it has a fee: a download when its type allows it, or with ?view=1 inline for the in-browser viewer",
        params: DocParams,
        querystring: ViewQuery,
        produces: ["application/pdf"],
      },
    },
    async (req, reply) => {
      const view = req.query.view === "1";
      const file = await readWalletDocumentFile(
        deps.core,
        requireActor(req),
        req.params.id,
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
