import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { findShareByToken, hasAccess, type ShareClient } from "./find-live-share.ts";

const safeName = (title: string, id: string) => {
  const base = title
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${base || "document"}-${id.slice(0, 8)}.pdf`;
};

/**
 * The signed original of a shared document, exactly as issued, for a recipient who opened the
 * share in the last hour (its access token) while it is live, when the learner and the type allow
 * downloads. Anything else is not_found. Each download is recorded.
 */
export async function readSharedFile(
  deps: CoreDeps,
  token: string,
  documentId: string,
  client: ShareClient,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const found = await findShareByToken(deps, token);
  const now = deps.clock.now();
  const share = found?.share;
  const doc = found?.documents.find((d) => d.id === documentId.toLowerCase());
  if (
    !found ||
    !share ||
    !doc ||
    share.revokedAt ||
    share.expiresAt <= now ||
    !share.downloadAllowed ||
    doc.documentType?.downloadAllowed === false ||
    !hasAccess(deps, share, client.accessToken)
  )
    throw new DomainError("not_found");
  const bytes = await deps.blobs.get(doc.institution.id, doc.sha256);
  await deps.stores.shares.addEvent({
    shareId: share.id,
    kind: "download",
    documentId: doc.id,
    organizationId: null,
    createdAt: now,
    ip: client.ip,
    userAgent: client.userAgent,
  });
  return { bytes, fileName: safeName(doc.title, doc.id) };
}
