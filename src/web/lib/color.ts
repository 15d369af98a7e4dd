export const HEX_COLOR = /^#[0-9a-f]{6}$/i;

function channel(hex: string, index: number): number {
  const value = Number.parseInt(hex.slice(1 + index * 2, 3 + index * 2), 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  return 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);
}

/** Black or white, whichever reads better on the given #rrggbb background. */
export function readableTextOn(hex: string): "#000000" | "#ffffff" {
  if (!HEX_COLOR.test(hex)) return "#ffffff";
  const l = luminance(hex);
  const onWhite = 1.05 / (l + 0.05);
  const onBlack = (l + 0.05) / 0.05;
  return onWhite >= onBlack ? "#ffffff" : "#000000";
}
