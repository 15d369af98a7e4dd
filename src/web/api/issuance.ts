import type { DocumentStatus } from "../../core/documents/documents.types.ts";
import type {
  Batch,
  BatchItem,
  BatchItemStatus,
  BatchValidation,
} from "../../core/issuance/issuance.types.ts";
import type { LearnerInvitationView as LearnerInvitation } from "../../core/learner-invitations/learner-invitations.types.ts";
import { request } from "./http.ts";

const base = (slug: string) => `/api/v1/institutions/${encodeURIComponent(slug)}`;
const seg = encodeURIComponent;

/** What the one-document form sends: the learner and type by id, the PDF in base64. */
export interface IssueInput {
  learnerId: string;
  documentTypeId: string;
  title: string;
  issueDate: string;
  externalId?: string;
  pdf: string;
}

export interface IssuedDocument {
  id: string;
  title: string;
  status: DocumentStatus;
  learnerId: string | null;
  documentTypeId: string | null;
  issueDate: string | null;
  externalId: string | null;
  sha256: string;
  signedAt: string;
}

/** Issues one document; `created` is false when the external id was issued before (that document comes back). */
export const issueDocument = (slug: string, input: IssueInput) =>
  request<{ document: IssuedDocument; created: boolean }>("POST", `${base(slug)}/documents`, { json: input });

/** Uploads a batch (manifest CSV and ZIP of PDFs); a dry run only validates it. */
export function uploadBatch(
  slug: string,
  input: { manifest: File; files: File; dryRun: boolean },
): Promise<{ validation: BatchValidation; batch: Batch | null }> {
  const form = new FormData();
  // The server reads the fields in order: the small ones before the (possibly large) archive.
  if (input.dryRun) form.set("dryRun", "true");
  form.set("manifest", input.manifest, input.manifest.name);
  form.set("files", input.files, input.files.name);
  return request("POST", `${base(slug)}/batches`, { form });
}

export async function listBatches(slug: string): Promise<Batch[]> {
  return (await request<{ batches: Batch[] }>("GET", `${base(slug)}/batches`)).batches;
}

export async function getBatch(slug: string, id: string): Promise<Batch> {
  return (await request<{ batch: Batch }>("GET", `${base(slug)}/batches/${seg(id)}`)).batch;
}

/** One page of a batch's rows in manifest order, after the given manifest line. */
export async function listBatchItems(
  slug: string,
  id: string,
  params: { status?: BatchItemStatus | undefined; afterRow: number; limit: number },
): Promise<BatchItem[]> {
  const query = new URLSearchParams({ afterRow: String(params.afterRow), limit: String(params.limit) });
  if (params.status) query.set("status", params.status);
  return (await request<{ items: BatchItem[] }>("GET", `${base(slug)}/batches/${seg(id)}/items?${query}`))
    .items;
}

/** Where the browser downloads the failed and skipped rows (the server sends CSV as an attachment). */
export const batchErrorsUrl = (slug: string, id: string) => `${base(slug)}/batches/${seg(id)}/errors.csv`;

export async function getLearnerInvitation(
  slug: string,
  learnerId: string,
): Promise<LearnerInvitation | null> {
  return (
    await request<{ invitation: LearnerInvitation | null }>(
      "GET",
      `${base(slug)}/learners/${seg(learnerId)}/invitation`,
    )
  ).invitation;
}

/** Sends the learner a new access code; the previous one stops working. */
export async function resendLearnerInvitation(slug: string, learnerId: string): Promise<LearnerInvitation> {
  return (
    await request<{ invitation: LearnerInvitation }>(
      "POST",
      `${base(slug)}/learners/${seg(learnerId)}/invitation/resend`,
    )
  ).invitation;
}
