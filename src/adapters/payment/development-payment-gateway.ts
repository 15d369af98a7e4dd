import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { DomainError } from "../../core/errors.ts";
import type { PaymentGateway } from "../../core/payments/payments.ports.ts";
import type { GatewayEvent } from "../../core/payments/payments.types.ts";

/** Where the portal serves the development gateway's test checkout page. */
export const TEST_CHECKOUT_PATH = "/payments/test-checkout";

/** The development gateway also signs the events its test page posts. */
export interface DevelopmentPaymentGateway extends PaymentGateway {
  readonly name: "development";
  /** A signed event body (JSON) and its signature for a Pay or Cancel button. */
  signEvent(type: "paid" | "expired", sessionId: string): { body: string; signature: string };
}

export const isDevelopmentGateway = (g: PaymentGateway | null): g is DevelopmentPaymentGateway =>
  g?.name === "development" && "signEvent" in g;

/**
 * No money moves: the checkout is a clearly labelled test page of the portal whose Pay and Cancel
 * buttons post an event signed with `key` (HMAC-SHA-256; derived from the master key). For
 * development and demos only; production never wires it.
 */
export function developmentPaymentGateway(key: Buffer, publicUrl: string): DevelopmentPaymentGateway {
  const mac = (body: string) => createHmac("sha256", key).update(body).digest();
  return {
    name: "development",

    async createCheckout() {
      const sessionId = `dev_cs_${randomBytes(24).toString("base64url")}`;
      return { sessionId, url: `${publicUrl}${TEST_CHECKOUT_PATH}/${sessionId}` };
    },

    async resumeCheckout(sessionId) {
      return `${publicUrl}${TEST_CHECKOUT_PATH}/${sessionId}`;
    },

    signEvent(type, sessionId) {
      const body = JSON.stringify({
        id: `dev_evt_${randomBytes(16).toString("base64url")}`,
        type,
        sessionId,
      });
      return { body, signature: mac(body).toString("base64url") };
    },

    verifyWebhook(rawBody, signatureHeader) {
      const body = typeof rawBody === "string" ? rawBody : Buffer.from(rawBody).toString("utf8");
      const given = Buffer.from(signatureHeader, "base64url");
      const expected = mac(body);
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new DomainError("payment_signature_invalid");
      const e = JSON.parse(body) as { id?: unknown; type?: unknown; sessionId?: unknown };
      if (
        typeof e.id !== "string" ||
        typeof e.sessionId !== "string" ||
        (e.type !== "paid" && e.type !== "expired")
      )
        throw new DomainError("payment_signature_invalid");
      const event: GatewayEvent = { id: e.id, type: e.type, sessionId: e.sessionId };
      return event;
    },

    async refund() {
      // Nothing was charged.
    },
  };
}
