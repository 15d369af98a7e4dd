import { can } from "../access/can.ts";
import type { Actor } from "../accounts/actor.ts";
import { isUnlocked, unlockFee } from "../payments/payment-rules.ts";
import type { OwnedDocumentRecord } from "../payments/payments.ports.ts";
import type { CoreDeps } from "../ports.ts";
import type { WalletDocument, WalletDocumentAccess } from "./wallet.types.ts";

const walletAccess = (d: OwnedDocumentRecord | undefined): WalletDocumentAccess => ({
  unlocked: d ? isUnlocked(d) : true,
  unlockFeeCents: d ? unlockFee(d) : 0,
  currency: d?.documentType?.currency ?? "CAD",
  downloadAllowed: d?.documentType?.downloadAllowed ?? true,
});

/**
 * The signed-in person's documents from every institution whose learner record is linked to
 * their account; nobody else's. An API key has no wallet (empty).
 */
export async function listWalletDocuments(deps: CoreDeps, actor: Actor): Promise<WalletDocument[]> {
  if (!can(actor, "account.self")) return [];
  const [rows, owned] = await Promise.all([
    deps.stores.wallet.listDocuments(actor.user.id),
    deps.stores.documentAccess.listOwned(actor.user.id),
  ]);
  const ids = new Set(rows.map((r) => r.id));
  const terms = new Map(owned.map((d) => [d.id, d]));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    issueDate: r.issueDate,
    status: r.status,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    supersededBy: r.supersededBy && ids.has(r.supersededBy) ? r.supersededBy : null,
    institution: r.institution,
    documentType: r.documentType,
    access: walletAccess(terms.get(r.id)),
  }));
}
