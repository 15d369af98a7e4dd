import type { ValidationKey } from "../../hooks/useFormFeedback.ts";

export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export const LOGO_MAX_BYTES = 256 * 1024;

/** What is wrong with a chosen logo file, if anything. */
export function checkLogoFile(file: File): ValidationKey | null {
  if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return "logoType";
  if (file.size > LOGO_MAX_BYTES) return "logoSize";
  return null;
}

/**
 * The file as a data: URL. The server's CSP allows `img-src 'self' data:` but not blob:,
 * so object URLs cannot be used for previews.
 */
export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
