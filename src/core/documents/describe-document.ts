import type { Stores } from "../ports.ts";
import type { DocumentRecord } from "./documents.ports.ts";
import type { DocumentDetail } from "./documents.types.ts";
import { toDocumentLink, toDocumentSummary } from "./to-document-summary.ts";

/** Everything the staff page of a document shows: the record, its learner and type, and its replacement links. */
export async function describeDocument(stores: Stores, doc: DocumentRecord): Promise<DocumentDetail> {
  const inst = doc.institutionId;
  const [learner, type, replacement, replaced] = await Promise.all([
    doc.learnerId ? stores.learners.findById(inst, doc.learnerId) : null,
    doc.documentTypeId ? stores.documentTypes.findById(inst, doc.documentTypeId) : null,
    doc.supersededBy ? stores.documents.findInInstitution(inst, doc.supersededBy) : null,
    stores.documents.listSupersededBy(inst, doc.id),
  ]);
  return {
    ...toDocumentSummary(
      doc,
      learner && {
        id: learner.id,
        studentNumber: learner.studentNumber,
        givenName: learner.givenName,
        familyName: learner.familyName,
      },
      type && { id: type.id, code: type.code, nameFr: type.nameFr, nameEn: type.nameEn },
    ),
    sha256: doc.sha256,
    byteSize: doc.byteSize,
    revokedAt: doc.revokedAt?.toISOString() ?? null,
    revocationReason: doc.revocationReason,
    supersededBy: replacement ? toDocumentLink(replacement) : null,
    replaces: replaced.map(toDocumentLink),
  };
}
