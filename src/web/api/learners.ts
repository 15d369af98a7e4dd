import type {
  ImportPreview,
  ImportResult,
  Learner,
  LearnerInput,
  LearnerPage,
} from "../../core/learners/learners.types.ts";
import { institutionPath, request } from "./http.ts";

const seg = encodeURIComponent;

export interface LearnerSearchParams {
  q: string;
  after?: string | undefined;
  before?: string | undefined;
  limit?: number;
}

export function searchLearners(slug: string, params: LearnerSearchParams): Promise<LearnerPage> {
  const query = new URLSearchParams({ q: params.q, limit: String(params.limit ?? 25) });
  if (params.after) query.set("after", params.after);
  else if (params.before) query.set("before", params.before);
  return request<LearnerPage>("GET", `${institutionPath(slug)}/learners?${query}`);
}

export async function getLearner(slug: string, id: string): Promise<Learner> {
  return (await request<{ learner: Learner }>("GET", `${institutionPath(slug)}/learners/${seg(id)}`)).learner;
}

export async function createLearner(slug: string, input: LearnerInput): Promise<Learner> {
  return (await request<{ learner: Learner }>("POST", `${institutionPath(slug)}/learners`, { json: input }))
    .learner;
}

export async function updateLearner(
  slug: string,
  id: string,
  input: Partial<LearnerInput>,
): Promise<Learner> {
  return (
    await request<{ learner: Learner }>("PATCH", `${institutionPath(slug)}/learners/${seg(id)}`, {
      json: input,
    })
  ).learner;
}

const csvBlob = (file: Blob) => new Blob([file], { type: "text/csv" });

export const previewLearnerImport = (slug: string, file: Blob) =>
  request<ImportPreview>("POST", `${institutionPath(slug)}/learners/import/preview`, { blob: csvBlob(file) });

export const importLearners = (slug: string, file: Blob) =>
  request<ImportResult>("POST", `${institutionPath(slug)}/learners/import`, { blob: csvBlob(file) });
