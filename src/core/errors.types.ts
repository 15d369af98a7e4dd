import type { Bilingual } from "./i18n.types.ts";

/** The JSON body of every error answer of the API. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: Bilingual;
    /** Field problems for validation errors: path like "email" or "items.0.name". */
    issues?: { path: string; message: Bilingual }[];
    requestId?: string;
  };
}
