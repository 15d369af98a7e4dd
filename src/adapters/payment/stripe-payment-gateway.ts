import Stripe from "stripe";
import { DomainError } from "../../core/errors.ts";
import type { PaymentGateway } from "../../core/payments/payments.ports.ts";
import type { GatewayEvent } from "../../core/payments/payments.types.ts";

export interface StripeGatewayOptions {
  secretKey: string;
  webhookSecret: string;
  /** Replaces https://api.stripe.com (stripe-mock, or a stand-in server in tests). */
  apiUrl?: string | null;
}

const apiAddress = (apiUrl: string | null | undefined) => {
  if (!apiUrl) return {};
  const u = new URL(apiUrl);
  const protocol = u.protocol === "http:" ? ("http" as const) : ("https" as const);
  return { host: u.hostname, protocol, ...(u.port ? { port: Number(u.port) } : {}) };
};

const idOf = (v: string | { id: string } | null | undefined): string | undefined =>
  typeof v === "string" ? v : (v?.id ?? undefined);

/** Maps the Stripe events the portal acts on; every other kind is "ignored". */
function normalise(event: Stripe.Event): GatewayEvent {
  const base = { id: event.id };
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const s = event.data.object;
      // A completed session whose payment is still on its way (bank debits) is not paid yet.
      if (s.payment_status !== "paid") return { ...base, type: "ignored" };
      return {
        ...base,
        type: "paid",
        sessionId: s.id,
        ...(s.client_reference_id ? { paymentId: s.client_reference_id } : {}),
        ...(idOf(s.payment_intent) ? { gatewayPaymentId: idOf(s.payment_intent) } : {}),
      };
    }
    case "checkout.session.expired":
    case "checkout.session.async_payment_failed": {
      const s = event.data.object;
      return {
        ...base,
        type: "expired",
        sessionId: s.id,
        ...(s.client_reference_id ? { paymentId: s.client_reference_id } : {}),
      };
    }
    case "charge.refunded": {
      const c = event.data.object;
      const paymentId = c.metadata?.payment_id;
      if (!paymentId || c.amount_refunded < c.amount) return { ...base, type: "ignored" };
      return { ...base, type: "refunded", paymentId };
    }
    default:
      return { ...base, type: "ignored" };
  }
}

/** Stripe Checkout (payment mode): hosted checkout sessions, signed webhooks, refunds. */
export function stripePaymentGateway(options: StripeGatewayOptions): PaymentGateway {
  const stripe = new Stripe(options.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...apiAddress(options.apiUrl),
  });
  return {
    name: "stripe",

    async createCheckout(req) {
      const session = await stripe.checkout.sessions
        .create(
          {
            mode: "payment",
            client_reference_id: req.paymentId,
            customer_email: req.customerEmail,
            expires_at: Math.floor(req.expiresAt.getTime() / 1000),
            success_url: req.successUrl,
            cancel_url: req.cancelUrl,
            locale: req.locale === "fr" ? "fr-CA" : "en",
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: req.currency.toLowerCase(),
                  unit_amount: req.amountCents,
                  product_data: { name: req.description[req.locale] },
                },
              },
            ],
            metadata: { payment_id: req.paymentId },
            payment_intent_data: { metadata: { payment_id: req.paymentId } },
          },
          { idempotencyKey: `checkout-${req.paymentId}` },
        )
        .catch((cause: unknown) => {
          throw new DomainError("payment_gateway_failed", { cause });
        });
      if (!session.url) throw new DomainError("payment_gateway_failed");
      return { sessionId: session.id, url: session.url };
    },

    async resumeCheckout(sessionId) {
      const session = await stripe.checkout.sessions.retrieve(sessionId).catch((cause: unknown) => {
        throw new DomainError("payment_gateway_failed", { cause });
      });
      return session.status === "open" && session.url ? session.url : null;
    },

    verifyWebhook(rawBody, signatureHeader) {
      let event: Stripe.Event;
      try {
        const body = typeof rawBody === "string" ? rawBody : Buffer.from(rawBody);
        event = stripe.webhooks.constructEvent(body, signatureHeader, options.webhookSecret);
      } catch (cause) {
        throw new DomainError("payment_signature_invalid", { cause });
      }
      return normalise(event);
    },

    async refund(payment) {
      if (!payment.gatewayPaymentId) throw new DomainError("payment_not_refundable");
      await stripe.refunds
        .create(
          { payment_intent: payment.gatewayPaymentId, metadata: { payment_id: payment.id } },
          { idempotencyKey: `refund-${payment.id}` },
        )
        .catch((cause: unknown) => {
          throw new DomainError("payment_gateway_failed", { cause });
        });
    },
  };
}
