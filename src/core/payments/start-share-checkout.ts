import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { prepareShare } from "../sharing/prepare-share.ts";
import type { ShareInput } from "../sharing/sharing.types.ts";
import { CHECKOUT_TTL_MS, checkoutReturnUrls, requireGateway } from "./payment-rules.ts";
import type { CheckoutStart } from "./payments.types.ts";
import { type SharePaymentIntent, sealFor } from "./share-payment-intent.ts";

/**
 * Starts paying for a share whose documents' types charge a share fee: the share is checked as
 * createShare would check it, its validated parameters are kept in the payment's intent (the
 * passcode sealed), and nothing is shared before the gateway confirms the payment
 * (applyPaymentEvent then creates the share in the same transaction). One payment covers the
 * share, so its priced documents must come from one institution, in one currency.
 */
export async function startShareCheckout(
  deps: CoreDeps,
  actor: Actor,
  raw: ShareInput,
): Promise<CheckoutStart> {
  const plan = await prepareShare(deps, actor, raw);
  const { quote } = plan;
  const first = quote.items[0];
  if (quote.amountCents === 0 || !first) throw new DomainError("payment_not_required");
  if (quote.items.some((i) => i.institutionId !== first.institutionId || i.currency !== first.currency))
    throw new DomainError("validation_failed", {
      issues: [
        {
          path: "documentIds",
          message: {
            fr: "Les documents payants d'un partage doivent venir d'un même établissement.",
            en: "The priced documents of one share must come from one institution.",
          },
        },
      ],
    });
  const gateway = requireGateway(deps);
  const now = deps.clock.now();
  const userId = actor.user.id;
  const institution = await deps.stores.institutions.findById(first.institutionId);
  if (!institution) throw new DomainError("not_found");

  const { passcode, ...share } = plan.input;
  const intent: SharePaymentIntent = {
    share: { ...share, passcode: null },
    sealedPasscode: passcode ? sealFor(deps.secretBox, userId, "passcode", passcode) : null,
  };
  const expiresAt = new Date(now.getTime() + CHECKOUT_TTL_MS);
  const payment = await deps.stores.payments.create(
    {
      userId,
      institutionId: first.institutionId,
      documentId: first.documentId,
      purpose: "share",
      amountCents: quote.amountCents,
      currency: first.currency,
      gateway: gateway.name,
      intent: intent as unknown as Record<string, unknown>,
      expiresAt,
    },
    now,
  );
  const count = plan.documents.length;
  const checkout = await gateway
    .createCheckout({
      paymentId: payment.id,
      amountCents: quote.amountCents,
      currency: first.currency,
      description: {
        fr: `Partage de ${count} document${count > 1 ? "s" : ""} (${institution.nameFr})`,
        en: `Sharing ${count} document${count > 1 ? "s" : ""} (${institution.nameEn})`,
      },
      ...checkoutReturnUrls(deps.settings.publicUrl, payment.id),
      customerEmail: actor.user.email,
      expiresAt,
      locale: actor.user.locale,
    })
    .catch(async (error: unknown) => {
      // No checkout: the payment is failed rather than left pending.
      await deps.stores.payments.markFailedWithoutSession(payment.id);
      throw error;
    });
  await deps.stores.payments.setSession(payment.id, checkout.sessionId);
  return { paymentId: payment.id, url: checkout.url };
}
