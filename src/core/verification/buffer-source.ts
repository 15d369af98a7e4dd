/** Narrows a byte view for APIs typed with `BufferSource` (our buffers are never shared). */
export function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}
