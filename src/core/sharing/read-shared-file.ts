import { fileNameFor } from "../documents/read-document-file.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { findShareByToken, hasAccess, type ShareClient } from "./find-live-share.ts";

/** "download": the recipient saves the file; "view": the in-browser viewer reads it to draw it. */
export type SharedFileUse = "download" | "view";

/**
 * The signed original of a shared document, exactly as issued, for a recipient who opened the
 * share in the last hour (its access token) while it is live. A download needs the learner and
 * the type to allow downloads, and is recorded; a view (the viewer's rendition) does not, and
 * records nothing more (opening the share recorded the view). Anything else is not_found.
 */
export async function readSharedFile(
  deps: CoreDeps,
  token: string,
  documentId: string,
  client: ShareClient,
  use: SharedFileUse = "download",
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
    (use === "download" && (!share.downloadAllowed || doc.documentType?.downloadAllowed === false)) ||
    !hasAccess(deps, share, client.accessToken)
  )
    throw new DomainError("not_found");
  const bytes = await deps.blobs.get(doc.institution.id, doc.sha256);
  if (use === "download")
    await deps.stores.shares.addEvent({
      shareId: share.id,
      kind: "download",
      documentId: doc.id,
      organizationId: null,
      createdAt: now,
      ip: client.ip,
      userAgent: client.userAgent,
    });
  return { bytes, fileName: fileNameFor(doc.title, doc.id) };
}
