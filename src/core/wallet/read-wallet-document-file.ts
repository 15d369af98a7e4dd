import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { fileNameFor } from "../documents/read-document-file.ts";
import { DomainError } from "../errors.ts";
import { isUnlocked } from "../payments/payment-rules.ts";
import type { CoreDeps } from "../ports.ts";

/**
 * The signed original, byte for byte, for its learner: only their own document (else not_found),
 * only once unlocked when the type charges for it, and to download only when its type allows
 * downloading (the in-browser viewer, `use` "view", reads it whatever the type says).
 */
export async function readWalletDocumentFile(
  deps: CoreDeps,
  actor: Actor,
  documentId: string,
  use: "download" | "view" = "download",
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const doc = await requireAccess(deps, actor, "wallet.document", documentId);
  if (use === "download" && doc.documentType && !doc.documentType.downloadAllowed)
    throw new DomainError("download_not_allowed");
  if (!isUnlocked(doc)) throw new DomainError("document_locked");
  const bytes = await deps.blobs.get(doc.institutionId, doc.sha256);
  return { bytes, fileName: fileNameFor(doc.title, doc.id) };
}
