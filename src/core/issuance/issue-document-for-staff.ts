import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor } from "../audit/record-audit.ts";
import type { DocumentRecord } from "../documents/documents.ports.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { type IssueDocumentInput, issueDocument } from "./issue-document.ts";

/** The learner by id or by student number, the type by id or by code (API clients know their own codes). */
export type StaffIssueInput = Omit<IssueDocumentInput, "learnerId" | "documentTypeId" | "supersedes"> & {
  learnerId?: string;
  studentNumber?: string;
  documentTypeId?: string;
  documentTypeCode?: string;
};

/** Issues one document for the institution's staff (web app or API key with the issue scope). */
export async function issueDocumentForStaff(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  input: StaffIssueInput,
): Promise<{ document: DocumentRecord; created: boolean }> {
  const institution = await requireAccess(deps, actor, "documents.issue", slug);
  const issues = [];
  if (!input.learnerId === !input.studentNumber)
    issues.push({
      path: "learnerId",
      message: {
        fr: "Indiquez la personne étudiante : learnerId ou studentNumber (un seul des deux).",
        en: "Give the learner: learnerId or studentNumber (exactly one).",
      },
    });
  if (!input.documentTypeId === !input.documentTypeCode)
    issues.push({
      path: "documentTypeId",
      message: {
        fr: "Indiquez le type de document : documentTypeId ou documentTypeCode (un seul des deux).",
        en: "Give the document type: documentTypeId or documentTypeCode (exactly one).",
      },
    });
  if (issues.length > 0) throw new DomainError("validation_failed", { issues });
  const learnerId =
    input.learnerId ??
    (await deps.stores.learners.findByStudentNumbers(institution.id, [input.studentNumber as string]))[0]?.id;
  const code = input.documentTypeCode?.toUpperCase();
  const documentTypeId =
    input.documentTypeId ??
    (await deps.stores.documentTypes.list(institution.id, { includeArchived: true })).find(
      (t) => t.code === code,
    )?.id;
  return issueDocument(deps, byActor(actor), institution, {
    ...input,
    // Unknown references are reported by issueDocument with the other field problems.
    learnerId: learnerId ?? "00000000-0000-0000-0000-000000000000",
    documentTypeId: documentTypeId ?? "00000000-0000-0000-0000-000000000000",
  });
}
