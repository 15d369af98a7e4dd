import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import { findStaffDocument } from "./find-staff-document.ts";

/** A file name safe in any header and file system: ASCII letters, digits and hyphens, from the title. */
export const fileNameFor = (title: string, id: string): string => {
  const base = title
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return `${base || "document"}-${id.slice(0, 8)}.pdf`;
};

/** The signed file of a document as issued, for its institution's staff to download (any status). */
export async function readDocumentFile(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  id: string,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { institution, document } = await findStaffDocument(deps, actor, "documents.read", slug, id);
  // The blob store checks the bytes against the hash (blob_missing / blob_corrupt otherwise).
  const bytes = await deps.blobs.get(institution.id, document.sha256);
  return { bytes, fileName: fileNameFor(document.title, document.id) };
}
