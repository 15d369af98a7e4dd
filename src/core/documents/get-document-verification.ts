import { DomainError } from "../errors.ts";
import { UUID_PATTERN } from "../ids.ts";
import type { CoreDeps } from "../ports.ts";
import type { DocumentVerificationRecord } from "./documents.types.ts";

/** The public registry record behind /v/<id> (the QR code's target). Unknown ids are not_found. */
export async function getDocumentVerification(
  deps: CoreDeps,
  id: string,
): Promise<DocumentVerificationRecord> {
  const doc = UUID_PATTERN.test(id) ? await deps.stores.documents.findById(id.toLowerCase()) : null;
  const inst = doc ? await deps.stores.institutions.findById(doc.institutionId) : null;
  if (!doc || !inst) throw new DomainError("not_found");
  return {
    id: doc.id,
    title: doc.title,
    status: doc.status,
    signedAt: doc.signedAt.toISOString(),
    revokedAt: doc.revokedAt?.toISOString() ?? null,
    revocationReason: doc.revocationReason,
    supersededBy: doc.supersededBy,
    sha256: doc.sha256,
    institution: {
      slug: inst.slug,
      nameFr: inst.nameFr,
      nameEn: inst.nameEn,
      primaryColor: inst.primaryColor,
      accentColor: inst.accentColor,
      hasLogo: inst.hasLogo,
    },
  };
}
