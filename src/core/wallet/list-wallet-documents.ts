import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import type { WalletDocument } from "./wallet.types.ts";

/**
 * The signed-in person's documents from every institution whose learner record is linked to
 * their account; nobody else's. An API key has no wallet (empty).
 */
export async function listWalletDocuments(deps: CoreDeps, actor: Actor): Promise<WalletDocument[]> {
  if (actor.apiKey) return [];
  const rows = await deps.stores.wallet.listDocuments(actor.user.id);
  const ids = new Set(rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    issueDate: r.issueDate,
    status: r.status,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    supersededBy: r.supersededBy && ids.has(r.supersededBy) ? r.supersededBy : null,
    institution: r.institution,
    documentType: r.documentType,
  }));
}
