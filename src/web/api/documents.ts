import type { DocumentDetail, DocumentFilter, DocumentPage } from "../../core/documents/documents.types.ts";
import { request } from "./http.ts";

const base = (slug: string) => `/api/v1/institutions/${encodeURIComponent(slug)}/documents`;

/** One page of the institution's registry, newest first. */
export function listDocuments(slug: string, filter: DocumentFilter, cursor?: string): Promise<DocumentPage> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
  if (cursor) query.set("cursor", cursor);
  return request<DocumentPage>("GET", `${base(slug)}?${query}`);
}

export async function getDocument(slug: string, id: string): Promise<DocumentDetail> {
  return (await request<{ document: DocumentDetail }>("GET", `${base(slug)}/${encodeURIComponent(id)}`))
    .document;
}

/** Where the browser downloads the signed PDF (the server sends it as an attachment). */
export const documentFileUrl = (slug: string, id: string) => `${base(slug)}/${encodeURIComponent(id)}/file`;

export async function revokeDocument(slug: string, id: string, reason: string): Promise<DocumentDetail> {
  return (
    await request<{ document: DocumentDetail }>("POST", `${base(slug)}/${encodeURIComponent(id)}/revoke`, {
      json: { reason },
    })
  ).document;
}

/** Replaces a document with a corrected PDF; answers the new document. */
export async function replaceDocument(
  slug: string,
  id: string,
  input: { file: File; title: string; issueDate: string },
): Promise<DocumentDetail> {
  const form = new FormData();
  if (input.title.trim()) form.set("title", input.title.trim());
  if (input.issueDate) form.set("issueDate", input.issueDate);
  form.set("file", input.file, input.file.name);
  return (
    await request<{ document: DocumentDetail }>("POST", `${base(slug)}/${encodeURIComponent(id)}/replace`, {
      form,
    })
  ).document;
}
