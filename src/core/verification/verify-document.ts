import type { DocumentRecord } from "../documents/documents.ports.ts";
import { UUID_PATTERN } from "../ids.ts";
import type { CoreDeps } from "../ports.ts";
import { applyRegistryStatus } from "./apply-registry-status.ts";
import type { RegistryStatus, VerificationReport } from "./verification.types.ts";
import { verifyPdf } from "./verify-pdf.ts";

/** The roots a verifier accepts: the portal's root CAs and the configured extra roots. */
export async function portalTrustAnchors(deps: Pick<CoreDeps, "stores" | "verifier">): Promise<Uint8Array[]> {
  const roots = (await deps.stores.authorities.list())
    .filter((a) => a.kind === "root")
    .map((a) => a.certificateDer);
  return [...roots, ...deps.verifier.extraTrustAnchorsDer];
}

/**
 * Verifies a PDF against the portal: its trust anchors, then the registry status of the Sceau
 * document it claims to be. The registry record applies only when the file is exactly the bytes
 * the portal issued (same SHA-256), or one of its earlier files when the portal renewed its
 * archive timestamp: a copy with bytes appended by anyone else, even updates the verifier allows,
 * is not "the same document" and gets the status "unknown". A file with no
 * embedded id is looked up by its exact SHA-256.
 */
export async function verifyDocument(deps: CoreDeps, bytes: Uint8Array): Promise<VerificationReport> {
  const report = await verifyPdf(bytes, {
    trustAnchorsDer: await portalTrustAnchors(deps),
    now: deps.clock.now(),
    ...(deps.verifier.crypto ? { crypto: deps.verifier.crypto } : {}),
    ...(deps.verifier.inflate ? { inflate: deps.verifier.inflate } : {}),
    ...(deps.verifier.cache ? { cache: deps.verifier.cache } : {}),
  });
  const id = report.document.id;
  let doc: DocumentRecord | null;
  if (id) {
    const found = UUID_PATTERN.test(id) ? await deps.stores.documents.findById(id.toLowerCase()) : null;
    const sha256 = deps.pdf.sha256(bytes);
    // The file issued, or an earlier one of its files before an archive timestamp renewal.
    const issued =
      found &&
      ((found.byteSize === bytes.byteLength && sha256 === found.sha256) ||
        (await deps.stores.archive.isEarlierFile(found.id, sha256)));
    if (!issued) return applyRegistryStatus(report, { status: "unknown" });
    doc = found;
  } else {
    // A file signed without the notice carries no id: the registry still knows its exact bytes.
    if (report.signatures.length === 0) return report;
    doc = await deps.stores.documents.findBySha256(deps.pdf.sha256(bytes));
    if (!doc) return report;
  }
  const status: RegistryStatus =
    doc.status === "revoked"
      ? {
          status: "revoked",
          ...(doc.revokedAt ? { revokedAt: doc.revokedAt.toISOString() } : {}),
          ...(doc.revocationReason ? { reason: doc.revocationReason } : {}),
        }
      : doc.status === "superseded"
        ? { status: "superseded", ...(doc.supersededBy ? { supersededBy: doc.supersededBy } : {}) }
        : { status: "active" };
  return applyRegistryStatus({ ...report, document: { ...report.document, id: doc.id } }, status);
}
