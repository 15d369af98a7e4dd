import { createHash } from "node:crypto";
import type { PdfTools } from "../../core/ports.ts";
import { addVerificationStamp } from "./verification-stamp.ts";

export const pdfLibTools: PdfTools = {
  stamp: (pdf, input) => addVerificationStamp(pdf, input),
  sha256: (bytes) => createHash("sha256").update(bytes).digest("hex"),
};
