import type { QrMatrix } from "../../core/signing/signing.types.ts";

/** Modules of blank margin readers need around a QR code. */
const QUIET_ZONE = 4;

/** A QR code (`AppDeps.qrMatrix`) as a small standalone SVG (one path, dark modules on white). */
export function qrSvg({ size, modules }: QrMatrix): string {
  const full = size + QUIET_ZONE * 2;
  let path = "";
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++)
      if (modules[y * size + x]) path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" shape-rendering="crispEdges"><rect width="${full}" height="${full}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
}
