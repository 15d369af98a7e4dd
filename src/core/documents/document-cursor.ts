import { UUID_PATTERN } from "../ids.ts";
import { decodeCursor, encodeCursor } from "../pagination/keyset-cursor.ts";
import type { DocumentKey } from "./documents.ports.ts";

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** An opaque cursor for the registry's keyset pagination. */
export const encodeDocumentCursor = (key: DocumentKey): string => encodeCursor([key.createdAt, key.id]);

/** The key in a cursor; validation_failed when encodeDocumentCursor did not make it. */
export function decodeDocumentCursor(cursor: string, field: string): DocumentKey {
  const [createdAt, id] = decodeCursor(
    cursor,
    field,
    2,
    ([t, i]) => TIMESTAMP.test(t ?? "") && UUID_PATTERN.test(i ?? ""),
  );
  return { createdAt: createdAt as string, id: id as string };
}
