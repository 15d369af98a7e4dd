import type { SignatureLongTerm } from "./apply-validation-times.ts";
import type { LongTermLevel, LongTermSummary } from "./verification.types.ts";

const ORDER: readonly LongTermLevel[] = ["B-B", "B-T", "B-LT", "B-LTA"];

/**
 * The document's level: that of its weakest signature, and the earliest time any signature's
 * proofs stop holding. Null (both) when the document is not valid or no signature was assessed.
 */
export function longTermSummary(signatures: readonly SignatureLongTerm[], valid: boolean): LongTermSummary {
  if (!valid || signatures.length === 0 || signatures.some((s) => s.level === null))
    return { level: null, protectedUntil: null };
  let level: LongTermLevel = "B-LTA";
  let until: Date | null = null;
  for (const s of signatures) {
    if (s.level && ORDER.indexOf(s.level) < ORDER.indexOf(level)) level = s.level;
    if (s.protectedUntil && (!until || s.protectedUntil < until)) until = s.protectedUntil;
  }
  return { level, protectedUntil: until?.toISOString() ?? null };
}
