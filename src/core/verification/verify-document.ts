import type { CoreDeps } from "../ports.ts";
import { applyRegistryStatus } from "./apply-registry-status.ts";
import type { RegistryStatus, VerificationReport } from "./verification.types.ts";
import { verifyPdf } from "./verify-pdf.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The roots a verifier accepts: the portal's root CAs and the configured extra roots. */
export async function portalTrustAnchors(deps: Pick<CoreDeps, "stores" | "verifier">): Promise<Uint8Array[]> {
  const roots = (await deps.stores.authorities.list())
    .filter((a) => a.kind === "root")
    .map((a) => a.certificateDer);
  return [...roots, ...deps.verifier.extraTrustAnchorsDer];
}

/**
 * Verifies a PDF against the portal: its trust anchors, then the registry status of the Sceau
 * document it claims to be. The registry record applies only when the file starts with exactly
 * the bytes the portal issued (later updates may only append); otherwise the status is "unknown".
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
  if (!id) return report;
  const doc = UUID.test(id) ? await deps.stores.documents.findById(id.toLowerCase()) : null;
  const issued =
    doc &&
    doc.byteSize <= bytes.byteLength &&
    deps.pdf.sha256(bytes.subarray(0, doc.byteSize)) === doc.sha256;
  if (!doc || !issued) return applyRegistryStatus(report, { status: "unknown" });
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
  return applyRegistryStatus(report, status);
}
