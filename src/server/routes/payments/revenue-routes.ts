import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { exportRevenueReport, getRevenueReport } from "../../../core/payments/get-revenue-report.ts";
import { listInstitutionPayments } from "../../../core/payments/list-institution-payments.ts";
import { refundPayment } from "../../../core/payments/refund-payment.ts";
import { requireActor } from "../../http/auth.ts";
import { Slug, Uuid } from "../../http/inputs.ts";
import { PaymentOut, RefundOut, RevenueOut } from "../../presenters/payment-schemas.ts";
import { errors } from "../../presenters/schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";

const SlugParams = z.strictObject({ slug: Slug });
const Period = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/** An institution's fees: the revenue report, the payments received and refunds (admins). */
export async function revenueRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);
  const tags = ["payments"];

  r.get(
    "/api/v1/institutions/:slug/revenue",
    {
      schema: {
        tags,
        summary:
          "Fees received and refunded by document type and purpose, over whole UTC days from–to (default: the last 30 days); admins",
        params: SlugParams,
        querystring: Period,
        response: { 200: RevenueOut, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => getRevenueReport(deps.core, requireActor(req), req.params.slug, req.query),
  );

  r.get(
    "/api/v1/institutions/:slug/revenue.csv",
    {
      schema: {
        tags,
        summary: "The revenue report as CSV (cells that look like formulas are neutralised); audited",
        params: SlugParams,
        querystring: Period,
        response: { 200: z.string(), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const file = await exportRevenueReport(deps.core, requireActor(req), req.params.slug, req.query);
      reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${file.fileName}"`);
      return file.csv;
    },
  );

  r.get(
    "/api/v1/institutions/:slug/payments",
    {
      schema: {
        tags,
        summary: "The payments the institution received, newest first, 50 a page (admins)",
        params: SlugParams,
        querystring: z.strictObject({ page: z.coerce.number().int().min(1).max(10_000).optional() }),
        response: {
          200: z.object({ payments: z.array(PaymentOut), page: z.number(), hasMore: z.boolean() }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req) =>
      listInstitutionPayments(deps.core, requireActor(req), req.params.slug, req.query.page ?? 1),
  );

  r.post(
    "/api/v1/institutions/:slug/payments/:id/refund",
    {
      schema: {
        tags,
        summary:
          "Refund a payment received (admins): the money goes back and what it unlocked is withdrawn; audited",
        params: z.strictObject({ slug: Slug, id: Uuid }),
        response: {
          200: RefundOut,
          ...errors(400, 401, 403, 404, 409, 502, 503),
        },
      },
    },
    async (req) => {
      const p = await refundPayment(deps.core, requireActor(req), req.params.slug, req.params.id);
      return { id: p.id, status: p.status, refundedAt: p.refundedAt?.toISOString() ?? null };
    },
  );
}
