import type { DocumentType, DocumentTypeInput } from "./document-types.types.ts";

export interface DocumentTypeStore {
  list(institutionId: string, options: { includeArchived: boolean }): Promise<DocumentType[]>;
  findById(institutionId: string, id: string): Promise<DocumentType | null>;
  /** null when the code is taken in this institution. */
  create(institutionId: string, input: DocumentTypeInput): Promise<DocumentType | null>;
  update(
    institutionId: string,
    id: string,
    patch: Partial<DocumentTypeInput>,
  ): Promise<DocumentType | null | "code_taken">;
  /** Archives (a date) or restores (null). */
  setArchived(institutionId: string, id: string, archivedAt: Date | null): Promise<DocumentType | null>;
}
