import type { TFunction } from "i18next";

/** The first six hex digits of a share's id, upper case: enough for the learner to recognise it. */
export const shortShareId = (shareId: string): string => shareId.replace(/-/g, "").slice(0, 6).toUpperCase();

/**
 * The watermark of a share's rendition: who the share is for (the recipient's email, else the
 * organization, else "link") and the share's short id.
 */
export function watermarkText(
  t: TFunction,
  share: { shareId: string; recipient: string | null; organizationName?: string | null },
): string {
  const who = share.recipient ?? share.organizationName ?? t("viewer.watermarkLink");
  return t("viewer.watermark", { who, id: shortShareId(share.shareId) });
}

/**
 * Draws the watermark across a rendered page: the text three times along the rising diagonal,
 * semi-transparent, sized to the page (width and height in canvas pixels).
 */
export function drawWatermark(ctx: CanvasRenderingContext2D, text: string, width: number, height: number) {
  const diagonal = Math.hypot(width, height);
  ctx.save();
  ctx.translate(width / 2, height / 2);
  ctx.rotate(-Math.atan2(height, width));
  ctx.font = `600 100px system-ui, sans-serif`;
  const size = Math.max(8, Math.min(0.55 * diagonal * (100 / ctx.measureText(text).width), height / 12));
  ctx.font = `600 ${size}px system-ui, sans-serif`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillStyle = "rgba(165, 29, 36, 0.2)";
  for (const offset of [-diagonal / 5, 0, diagonal / 5]) ctx.fillText(text, 0, offset);
  ctx.restore();
}
