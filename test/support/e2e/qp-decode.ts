/**
 * A raw email's quoted-printable undone: soft line breaks joined, `=XX` escapes turned back into
 * characters, one per byte. With `utf8`, the bytes are then read as UTF-8 (accented letters).
 */
export function qpDecode(raw: string, options: { utf8?: boolean } = {}): string {
  const bytes = raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return options.utf8 ? Buffer.from(bytes, "latin1").toString("utf8") : bytes;
}
