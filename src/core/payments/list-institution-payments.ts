import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { PaymentHistoryItem } from "./payments.types.ts";

export const INSTITUTION_PAYMENTS_PAGE_SIZE = 50;

/**
 * One page (from 1) of the payments an institution received, newest first (its administrators
 * and the operator; anyone else gets not_found). A checkout whose time ran out unpaid shows as expired.
 */
export async function listInstitutionPayments(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  page: number,
): Promise<{ payments: PaymentHistoryItem[]; page: number; hasMore: boolean }> {
  const institution = await requireAccess(deps, actor, "payments.manage", slug);
  if (!Number.isInteger(page) || page < 1 || page > 10_000)
    throw new DomainError("validation_failed", {
      issues: [{ path: "page", message: { fr: "Page invalide.", en: "Invalid page." } }],
    });
  const size = INSTITUTION_PAYMENTS_PAGE_SIZE;
  const found = await deps.stores.payments.listForInstitution(institution.id, {
    limit: size + 1,
    offset: (page - 1) * size,
  });
  const now = deps.clock.now().toISOString();
  return {
    payments: found
      .slice(0, size)
      .map((p) => (p.status === "pending" && p.expiresAt <= now ? { ...p, status: "expired" } : p)),
    page,
    hasMore: found.length > size,
  };
}
