import type { PaymentGateway } from "./payments.ports.ts";

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
