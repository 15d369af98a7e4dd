import type { DocumentVerificationRecord } from "../../core/documents/documents.types.ts";
import type { VerificationReport } from "../../core/verification/verification.types.ts";
import { request } from "./http.ts";

// Public verification (no account, no CSRF token)

/** Largest file the public verifier accepts (the API answers 413 above). */
export const VERIFY_MAX_BYTES = 25 * 1024 * 1024;

/**
 * Sends a PDF to the verifier and returns its report. The file goes as the raw body, typed
 * application/pdf whatever the browser guessed, so that a file that is not a PDF gets a report
 * ("not a readable PDF") rather than a 415. The server does not store it.
 */
export function verifyFile(file: Blob): Promise<VerificationReport> {
  const pdf = file.type === "application/pdf" ? file : new Blob([file], { type: "application/pdf" });
  return request<VerificationReport>("POST", "/api/v1/verify", { blob: pdf, noCsrf: true });
}

/** A document's public registry record (the QR code's target); 404 for unknown ids. */
export async function getDocumentVerification(id: string): Promise<DocumentVerificationRecord> {
  return (
    await request<{ document: DocumentVerificationRecord }>(
      "GET",
      `/api/v1/documents/${encodeURIComponent(id)}/verification`,
    )
  ).document;
}
