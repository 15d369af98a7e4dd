import type { DocumentType, DocumentTypeInput } from "../../core/document-types/document-types.types.ts";
import { institutionPath, request } from "./http.ts";

export async function listDocumentTypes(slug: string, includeArchived: boolean): Promise<DocumentType[]> {
  return (
    await request<{ documentTypes: DocumentType[] }>(
      "GET",
      `${institutionPath(slug)}/document-types?archived=${includeArchived}`,
    )
  ).documentTypes;
}

export async function createDocumentType(slug: string, input: DocumentTypeInput): Promise<DocumentType> {
  return (
    await request<{ documentType: DocumentType }>("POST", `${institutionPath(slug)}/document-types`, {
      json: input,
    })
  ).documentType;
}

export async function updateDocumentType(
  slug: string,
  id: string,
  input: Partial<DocumentTypeInput>,
): Promise<DocumentType> {
  return (
    await request<{ documentType: DocumentType }>(
      "PATCH",
      `${institutionPath(slug)}/document-types/${encodeURIComponent(id)}`,
      { json: input },
    )
  ).documentType;
}

export async function setDocumentTypeArchived(
  slug: string,
  id: string,
  archived: boolean,
): Promise<DocumentType> {
  return (
    await request<{ documentType: DocumentType }>(
      "POST",
      `${institutionPath(slug)}/document-types/${encodeURIComponent(id)}/${archived ? "archive" : "restore"}`,
    )
  ).documentType;
}
