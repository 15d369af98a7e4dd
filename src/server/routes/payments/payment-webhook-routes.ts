import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { DomainError } from "../../../core/errors.ts";
import { applyPaymentEvent } from "../../../core/payments/apply-payment-event.ts";
import { isDevelopmentGateway, TEST_CHECKOUT_PATH } from "../../../core/payments/development-gateway.ts";
import { getTestCheckout } from "../../../core/payments/get-test-checkout.ts";
import { PUBLIC } from "../../http/auth.ts";
import { ownStyleCsp } from "../../pages/page-shell.ts";
import { errors } from "../../presenters/schemas.ts";
import { type RouteContext, typed } from "../route-context.ts";
import { renderTestCheckoutPage } from "./test-checkout-page.ts";

export const STRIPE_WEBHOOK_PATH = "/api/v1/payments/webhook/stripe";
const WEBHOOK_MAX_BYTES = 256 * 1024;

/**
 * What the payment gateways call: Stripe's webhook (public, raw body, signature checked by the
 * stripe library, no CSRF token), and, with the development gateway, its test checkout page.
 */
export async function paymentWebhookRoutes(app: FastifyInstance, { deps }: RouteContext) {
  const r = typed(app);
  // This plugin's routes read bodies as bytes: the signature covers the exact bytes sent.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser(
    ["application/json", "application/x-www-form-urlencoded"],
    { parseAs: "buffer", bodyLimit: WEBHOOK_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  r.post(
    STRIPE_WEBHOOK_PATH,
    {
      config: PUBLIC,
      bodyLimit: WEBHOOK_MAX_BYTES,
      schema: {
        tags: ["payments"],
        summary:
          "Stripe's webhook (Stripe-Signature checked; each event applied once; out-of-order events are safe)",
        response: {
          200: z.object({ received: z.literal(true), outcome: z.string() }),
          ...errors(400, 404, 409),
        },
      },
    },
    async (req) => {
      const gateway = deps.core.paymentGateway;
      if (gateway?.name !== "stripe") throw new DomainError("not_found");
      const signature = req.headers["stripe-signature"];
      if (typeof signature !== "string" || !Buffer.isBuffer(req.body))
        throw new DomainError("payment_signature_invalid");
      const event = gateway.verifyWebhook(req.body, signature);
      const { outcome } = await applyPaymentEvent(deps.core, "stripe", event);
      return { received: true as const, outcome };
    },
  );

  const SessionParams = z.strictObject({ sessionId: z.string().regex(/^dev_cs_[A-Za-z0-9_-]{16,64}$/) });

  app.get<{ Params: { sessionId: string } }>(`${TEST_CHECKOUT_PATH}/:sessionId`, async (req, reply) => {
    const gateway = deps.core.paymentGateway;
    const params = SessionParams.safeParse(req.params);
    if (!isDevelopmentGateway(gateway) || !params.success) throw new DomainError("not_found");
    const checkout = await getTestCheckout(deps.core, params.data.sessionId);
    const nonce = randomBytes(16).toString("base64");
    const events = checkout.open
      ? {
          paid: gateway.signEvent("paid", checkout.sessionId),
          expired: gateway.signEvent("expired", checkout.sessionId),
        }
      : null;
    return reply
      .type("text/html; charset=utf-8")
      .header("content-security-policy", ownStyleCsp(nonce))
      .header("cache-control", "no-store")
      .send(renderTestCheckoutPage(checkout, nonce, `${TEST_CHECKOUT_PATH}/${checkout.sessionId}`, events));
  });

  app.post<{ Params: { sessionId: string } }>(`${TEST_CHECKOUT_PATH}/:sessionId`, async (req, reply) => {
    const gateway = deps.core.paymentGateway;
    const params = SessionParams.safeParse(req.params);
    if (!isDevelopmentGateway(gateway) || !params.success) throw new DomainError("not_found");
    const form = new URLSearchParams(Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "");
    const event = gateway.verifyWebhook(form.get("event") ?? "", form.get("signature") ?? "");
    if (event.sessionId !== params.data.sessionId) throw new DomainError("payment_signature_invalid");
    const checkout = await getTestCheckout(deps.core, params.data.sessionId);
    await applyPaymentEvent(deps.core, "development", event);
    return reply.redirect(event.type === "paid" ? checkout.successUrl : checkout.cancelUrl, 303);
  });
}
