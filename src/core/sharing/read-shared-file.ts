import { checkStoredFile } from "../documents/check-stored-file.ts";
import { isIssuedFile } from "../documents/file-verdict.ts";
import { fileNameFor } from "../documents/read-document-file.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { findShareByToken, hasAccess, type ShareClient } from "./find-live-share.ts";

/** "download": the recipient saves the file; "view": the in-browser viewer reads it to draw it. */
export type SharedFileUse = "download" | "view";

/**
 * The signed original of a shared document, exactly as issued, for a recipient who opened the
 * share in the last hour (its access token) while it is live. Anything else is not_found.
 *
 * The bytes are checked first (checkStoredFile): a file that is not the one the institution
 * issued for this document (another document's, altered, unreadable) is never served
 * (shared_file_not_issued). A download needs the learner and the type to allow downloads, is
 * counted against the view limit (views and downloads together: share_used_up once reached) and
 * recorded; a view (the viewer's rendition) records nothing more (opening the share counted).
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
  const check = await checkStoredFile(deps, { ...doc, institutionId: doc.institution.id }, bytes);
  if (!isIssuedFile(check)) throw new DomainError("shared_file_not_issued");
  if (use === "download") {
    const counted = await deps.transact(async (stores) => {
      const c = await stores.shares.countDownload(share.id, now);
      if (c)
        await stores.shares.addEvent({
          shareId: share.id,
          kind: "download",
          documentId: doc.id,
          organizationId: null,
          createdAt: now,
          ip: client.ip,
          userAgent: client.userAgent,
        });
      return c;
    });
    if (!counted) throw new DomainError("share_used_up");
  }
  return { bytes, fileName: fileNameFor(doc.title, doc.id) };
}
