import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import type { Locale } from "../i18n.types.ts";
import type { CoreDeps } from "../ports.ts";
import { formatMoney, isUnlocked, unlockFee } from "./payment-rules.ts";
import type { UnlockQuote } from "./payments.types.ts";

/** What unlocking one of the learner's documents costs, in their language, before they act. */
export async function quoteUnlock(
  deps: CoreDeps,
  actor: Actor,
  documentId: string,
  locale: Locale,
): Promise<UnlockQuote> {
  const doc = await requireAccess(deps, actor, "wallet.document", documentId);
  const amountCents = unlockFee(doc);
  const currency = doc.documentType?.currency ?? "CAD";
  return {
    documentId: doc.id,
    amountCents,
    currency,
    formatted: formatMoney(amountCents, currency, locale),
    unlocked: isUnlocked(doc),
  };
}
