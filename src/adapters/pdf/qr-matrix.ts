import { create } from "qrcode";
import type { QrMatrix } from "../../core/signing/signing.types.ts";

/**
 * The QR code of `text` (error correction M, one byte-mode segment). The mask pattern is fixed
 * rather than chosen by scoring all eight: any mask is valid for readers, and scoring them costs
 * about 0.3 ms, most of the notice's budget.
 */
export function qrMatrix(text: string): QrMatrix {
  const qr = create([{ data: new TextEncoder().encode(text), mode: "byte" }], {
    errorCorrectionLevel: "M",
    maskPattern: 2,
  });
  return { size: qr.modules.size, modules: qr.modules.data };
}
