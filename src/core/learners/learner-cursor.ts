import { UUID_PATTERN } from "../ids.ts";
import { decodeCursor, encodeCursor } from "../pagination/keyset-cursor.ts";

/** A position in the learners' order: the last (or first) row's family name, given name and id. */
export interface LearnerKey {
  familyName: string;
  givenName: string;
  id: string;
}

/** An opaque cursor for keyset pagination. */
export const encodeLearnerCursor = (k: LearnerKey): string => encodeCursor([k.familyName, k.givenName, k.id]);

/** The key in a cursor; validation_failed when it was not made by encodeLearnerCursor. */
export function decodeLearnerCursor(cursor: string, field: string): LearnerKey {
  const [familyName, givenName, id] = decodeCursor(cursor, field, 3, (v) => UUID_PATTERN.test(v[2] ?? ""));
  return { familyName: familyName as string, givenName: givenName as string, id: id as string };
}
