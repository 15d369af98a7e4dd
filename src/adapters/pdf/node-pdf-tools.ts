import { createHash } from "node:crypto";
import type { PdfTools } from "../../core/ports.ts";
import { appendVerificationNotice } from "../../core/signing/append-verification-notice.ts";
import { nodeInflate } from "./node-inflate.ts";
import { qrMatrix } from "./qr-matrix.ts";

/** The PDF tools on Node: the verification notice appended by incremental update, and SHA-256. */
export const nodePdfTools: PdfTools = {
  stamp: (pdf, input) =>
    appendVerificationNotice(pdf, { ...input, qr: qrMatrix(input.url) }, { inflate: nodeInflate }),
  sha256: (bytes) => createHash("sha256").update(bytes).digest("hex"),
};
