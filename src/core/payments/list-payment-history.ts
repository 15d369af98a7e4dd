import { can } from "../access/can.ts";
import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import type { PaymentHistoryItem } from "./payments.types.ts";

/**
 * The signed-in learner's payments, newest first, with receipt numbers. A checkout whose time ran
 * out unpaid shows as expired. An API key has no payments.
 */
export async function listPaymentHistory(deps: CoreDeps, actor: Actor): Promise<PaymentHistoryItem[]> {
  if (!can(actor, "account.self")) return [];
  const now = deps.clock.now().toISOString();
  const items = await deps.stores.payments.listForUser(actor.user.id);
  return items.map((p) => (p.status === "pending" && p.expiresAt <= now ? { ...p, status: "expired" } : p));
}
