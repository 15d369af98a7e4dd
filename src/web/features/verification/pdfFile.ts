import { VERIFY_MAX_BYTES } from "../../api/verification.ts";

/** What is wrong with a file chosen for verification, checked before uploading it. */
export type PdfFileProblem = "notPdf" | "tooLarge" | "empty";

export function checkPdfFile(file: File): PdfFileProblem | null {
  const looksPdf = file.type === "application/pdf" || /\.pdf$/i.test(file.name);
  if (!looksPdf) return "notPdf";
  if (file.size === 0) return "empty";
  if (file.size > VERIFY_MAX_BYTES) return "tooLarge";
  return null;
}
