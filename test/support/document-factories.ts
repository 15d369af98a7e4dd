import { BY_CLI } from "../../src/core/audit/record-audit.ts";
import type { DocumentType } from "../../src/core/document-types/document-types.types.ts";
import type { DocumentRecord } from "../../src/core/documents/documents.ports.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import { issueDocument } from "../../src/core/issuance/issue-document.ts";
import { learnerSearchText } from "../../src/core/learners/learner-rules.ts";
import type { Learner, LearnerInput } from "../../src/core/learners/learners.types.ts";
import type { CoreDeps } from "../../src/core/ports.ts";
import { uniq } from "./factories.ts";
import { samplePdf } from "./sample-pdf.ts";

/** A learner record written through the real store. */
export async function makeLearner(
  core: CoreDeps,
  institution: Institution,
  input: Partial<LearnerInput> = {},
): Promise<Learner> {
  const n = uniq();
  const values: LearnerInput = {
    studentNumber: `S${n}`,
    givenName: "Ana",
    familyName: `Nguyen-${n}`,
    dateOfBirth: null,
    institutionalEmail: `ana.${n}@${institution.slug}.example.test`,
    personalEmail: null,
    locale: "fr",
    ...input,
  };
  const learner = await core.stores.learners.create(institution.id, {
    ...values,
    searchText: learnerSearchText(values),
  });
  if (!learner) throw new Error("student number taken");
  return learner;
}

/** A document type written through the real store. */
export async function makeDocumentType(core: CoreDeps, institution: Institution): Promise<DocumentType> {
  const type = await core.stores.documentTypes.create(institution.id, {
    code: `T${uniq().toUpperCase()}`,
    nameFr: "Relevé de notes",
    nameEn: "Transcript",
    descriptionFr: "",
    descriptionEn: "",
    unlockFeeCents: 0,
    shareFeeCents: 0,
    currency: "CAD",
    downloadAllowed: true,
    defaultShareDays: 90,
  });
  if (!type) throw new Error("code taken");
  return type;
}

/**
 * An issued document, through issueDocument (signed, its file in the blob store), or, with a batch
 * id, written through the stores with an unsigned file (issueDocument takes no batch).
 */
export async function makeDocument(
  core: CoreDeps,
  institution: Institution,
  input: {
    learner: Learner;
    type: DocumentType;
    title?: string;
    externalId?: string | null;
    batchId?: string | null;
  },
): Promise<{ document: DocumentRecord; bytes: Uint8Array }> {
  const title = input.title ?? `Relevé ${uniq()}`;
  const pdf = await samplePdf({ title });
  if (!input.batchId) {
    const { document } = await issueDocument(core, BY_CLI, institution, {
      learnerId: input.learner.id,
      documentTypeId: input.type.id,
      title,
      issueDate: "2026-06-15",
      externalId: input.externalId ?? null,
      pdf,
    });
    return { document, bytes: await core.blobs.get(institution.id, document.sha256) };
  }
  const sha256 = await core.blobs.put(institution.id, pdf);
  const document = await core.stores.documents.create({
    id: core.newId(),
    institutionId: institution.id,
    title,
    sha256,
    byteSize: pdf.byteLength,
    signingIdentityId: null,
    signedAt: core.clock.now(),
    learnerId: input.learner.id,
    documentTypeId: input.type.id,
    issueDate: "2026-06-15",
    externalId: input.externalId ?? null,
    batchId: input.batchId,
  });
  return { document, bytes: pdf };
}

/** A multipart/form-data body with text fields and files. */
export function multipartBody(
  parts: { name: string; value?: string; file?: Uint8Array; filename?: string }[],
) {
  const boundary = `----sceau-${uniq()}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = p.file
      ? `form-data; name="${p.name}"; filename="${p.filename ?? "file.pdf"}"\r\nContent-Type: application/pdf`
      : `form-data; name="${p.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`));
    chunks.push(Buffer.from(p.file ?? p.value ?? ""));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
