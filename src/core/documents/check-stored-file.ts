import { isDomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { verifyDocument } from "../verification/verify-document.ts";
import type { StoredFileRef } from "./documents.ports.ts";
import { fileVerdict } from "./file-verdict.ts";
import type { FileVerdict } from "./file-verdict.types.ts";

const UNREADABLE: FileVerdict = { verdict: "invalid", why: "unreadable" };

/**
 * The verdict of the exact bytes a recipient gets for this document: the stored signed file,
 * verified by verifyDocument (signatures, trust, then the registry record it names, which applies
 * only to the very bytes issued), then compared with this document's record. The file's bytes
 * never change for a SHA-256, so the result is cached by it; the key also carries what
 * verifyDocument reads of the registry (size, status, replacement) as just read, so a revocation
 * or replacement is a new key, checked afresh. `bytes`: the
 * file when the caller read it already (a download).
 */
export async function checkStoredFile(
  deps: CoreDeps,
  doc: StoredFileRef,
  bytes?: Uint8Array,
): Promise<FileVerdict> {
  const key = [
    doc.id,
    doc.sha256,
    doc.byteSize,
    doc.status,
    doc.revokedAt?.getTime() ?? "",
    doc.supersededBy ?? "",
  ].join(":");
  return deps.fileVerdicts.get(key, async () => {
    let file: Uint8Array;
    try {
      file = bytes ?? (await deps.blobs.get(doc.institutionId, doc.sha256));
    } catch (e) {
      // Absent or failing the store's own checks: nothing can be vouched for. Checked again next time.
      if (isDomainError(e) && (e.code === "blob_missing" || e.code === "blob_corrupt"))
        return { verdict: UNREADABLE, keep: false };
      throw e;
    }
    const verdict = fileVerdict(await verifyDocument(deps, file), doc.id);
    // The registry changed between the caller's read and verifyDocument's: keep nothing.
    const expected = doc.status === "active" ? "valid" : doc.status;
    const keep = verdict.why !== null || verdict.verdict === expected;
    return { verdict, keep };
  });
}
