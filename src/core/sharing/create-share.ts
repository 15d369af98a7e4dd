import type { Actor } from "../accounts/actor.ts";
import { byActor } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { prepareShare } from "./prepare-share.ts";
import type { CreatedShare, ShareInput } from "./sharing.types.ts";
import { writeShare } from "./write-share.ts";

/**
 * Shares the learner's own active documents. A share with a fee (its documents' types) waits for
 * a payment: payment_required here, and createShareFromPayment once the gateway confirms.
 */
export async function createShare(deps: CoreDeps, actor: Actor, input: ShareInput): Promise<CreatedShare> {
  const plan = await prepareShare(deps, actor, input);
  if (plan.quote.amountCents > 0) throw new DomainError("payment_required");
  return writeShare(deps, plan, { who: byActor(actor), paymentId: null });
}
