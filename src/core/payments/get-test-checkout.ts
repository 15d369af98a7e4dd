import { DomainError } from "../errors.ts";
import type { Bilingual } from "../i18n.types.ts";
import type { CoreDeps } from "../ports.ts";
import { bilingualMoney, checkoutReturnUrls } from "./payment-rules.ts";

/** What the development gateway's test checkout page shows. */
export interface TestCheckout {
  sessionId: string;
  amount: Bilingual;
  document: string;
  institution: Bilingual;
  /** Still payable: pending and before its expiry. */
  open: boolean;
  successUrl: string;
  cancelUrl: string;
}

/**
 * The development gateway's checkout, found by its session id (a random 192-bit value known only
 * to the learner who started it); not_found for any other id.
 */
export async function getTestCheckout(deps: CoreDeps, sessionId: string): Promise<TestCheckout> {
  const payment = await deps.stores.payments.findBySession("development", sessionId);
  if (!payment) throw new DomainError("not_found");
  const [document, institution] = await Promise.all([
    deps.stores.documents.findById(payment.documentId),
    deps.stores.institutions.findById(payment.institutionId),
  ]);
  if (!document || !institution) throw new DomainError("not_found");
  return {
    sessionId,
    amount: bilingualMoney(payment.amountCents, payment.currency),
    document: document.title,
    institution: { fr: institution.nameFr, en: institution.nameEn },
    open: payment.status === "pending" && payment.expiresAt > deps.clock.now(),
    ...checkoutReturnUrls(deps.settings.publicUrl, payment.id),
  };
}
