import type { AuditWho } from "../audit/record-audit.ts";
import { isoDay } from "../dates/calendar-date.ts";
import type { DocumentRecord } from "../documents/documents.ports.ts";
import { DomainError, type FieldIssue } from "../errors.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import type { CoreDeps } from "../ports.ts";
import { looksLikePdf, signingIdentityFor, signPdf } from "../signing/sign-document.ts";
import { externalIdProblem, issueDateProblem, PDF_MAX_BYTES, titleProblem } from "./issue-rules.ts";
import { recordIssuedDocuments } from "./record-issued-documents.ts";

export interface IssueDocumentInput {
  learnerId: string;
  documentTypeId: string;
  title: string;
  /** YYYY-MM-DD */
  issueDate: string;
  /** The institution's own id: issuing again with it returns the document issued the first time. */
  externalId?: string | null;
  pdf: Uint8Array;
  /** Marks this active document superseded by the new one, in the same transaction. */
  supersedes?: string | null;
}

/**
 * Issues one document to a learner: checks everything, signs on the institution's behalf, stores
 * the signed file (encrypted, by hash), records it with its audit event and queues the learner's
 * email. With an external id already used for this learner, returns that document (created: false).
 */
export async function issueDocument(
  deps: CoreDeps,
  who: AuditWho,
  institution: Institution,
  input: IssueDocumentInput,
): Promise<{ document: DocumentRecord; created: boolean }> {
  const issues: FieldIssue[] = [];
  const check = (path: string, problem: FieldIssue["message"] | null) => {
    if (problem) issues.push({ path, message: problem });
  };
  const title = input.title.trim();
  check("title", titleProblem(title));
  check("issueDate", issueDateProblem(input.issueDate, isoDay(deps.clock.now())));
  const externalId = input.externalId?.trim() || null;
  if (externalId !== null) check("externalId", externalIdProblem(externalId));
  const [learner, type] = await Promise.all([
    deps.stores.learners.findById(institution.id, input.learnerId),
    deps.stores.documentTypes.findById(institution.id, input.documentTypeId),
  ]);
  if (!learner)
    check("learnerId", {
      fr: "Personne étudiante introuvable dans cet établissement.",
      en: "No such learner in this institution.",
    });
  if (!type) check("documentTypeId", { fr: "Type de document inconnu.", en: "Unknown document type." });
  if (issues.length > 0) throw new DomainError("validation_failed", { issues });
  if (type?.archivedAt) throw new DomainError("document_type_archived");
  if (input.pdf.byteLength > PDF_MAX_BYTES) throw new DomainError("payload_too_large");
  if (!looksLikePdf(input.pdf)) throw new DomainError("not_a_pdf");

  const earlier = externalId ? await existing(deps, institution.id, externalId, input.learnerId) : null;
  if (earlier) return { document: earlier, created: false };

  const identity = await signingIdentityFor(deps, institution, who);
  const id = deps.newId();
  const signedAt = deps.clock.now();
  const { bytes: signed, archiveUntil } = await signPdf(deps, institution, identity, input.pdf, {
    id,
    signedAt,
  });
  const sha256 = await deps.blobs.put(institution.id, signed);
  const inserted = await deps.transact(async (stores) => {
    if (input.supersedes && !(await stores.documents.markSuperseded(institution.id, input.supersedes, id)))
      throw new DomainError("document_not_active");
    // A replacement: the caller tells the learner about it, so no "new document" email here.
    return recordIssuedDocuments(deps, stores, who, { notify: !input.supersedes }, [
      {
        id,
        institutionId: institution.id,
        learnerId: input.learnerId,
        documentTypeId: input.documentTypeId,
        title,
        issueDate: input.issueDate,
        externalId,
        batchId: null,
        sha256,
        byteSize: signed.byteLength,
        signingIdentityId: identity.id,
        signedAt,
        archiveUntil,
      },
    ]);
  });
  if (!inserted.has(id)) {
    // Another request with the same external id won the race: answer with its document.
    const winner = externalId ? await existing(deps, institution.id, externalId, input.learnerId) : null;
    if (winner) return { document: winner, created: false };
    throw new DomainError("external_id_taken");
  }
  const document = await deps.stores.documents.findById(id);
  if (!document) throw new Error("the issued document vanished");
  return { document, created: true };
}

/** The document already issued with this external id: the same learner's, or external_id_taken. */
async function existing(
  deps: CoreDeps,
  institutionId: string,
  externalId: string,
  learnerId: string,
): Promise<DocumentRecord | null> {
  const [found] = await deps.stores.issuance.findByExternalIds(institutionId, [externalId]);
  if (!found) return null;
  if (found.learnerId !== learnerId) throw new DomainError("external_id_taken");
  return deps.stores.documents.findById(found.id);
}
