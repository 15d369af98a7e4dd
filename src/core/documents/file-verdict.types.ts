/**
 * The verdict vocabulary of a checked file, shared by the verification page (the web computes it
 * from a report) and the server (a shared document's re-check): src/web/features/verification/verdict.ts
 * and src/core/documents/file-verdict.ts implement the same rules over these words.
 */

/** What a person needs to know first about a checked file. */
export type Verdict = "valid" | "invalid" | "revoked" | "superseded" | "unknown";

/** Plain-language advice families for failed or warning checks (keys of `verify.advice`). */
export type AdviceKey =
  | "modified"
  | "untrusted"
  | "damagedSignature"
  | "timestamp"
  | "notSigned"
  | "unreadable"
  | "signatureFailed"
  | "revoked"
  | "superseded"
  | "unknown"
  | "generic";

/** Why a file is not valid (keys of `verify.problem`), the most telling first. */
export type ProblemKey =
  | "unreadable"
  | "notSigned"
  | "modified"
  | "untrusted"
  | "damagedSignature"
  | "timestamp"
  | "signatureFailed"
  | "generic";

/** Why an intact file is not the record's own (keys of `compare.why`). */
export type NotTheRecordKey = "otherDocument" | "notSceau" | "notIssuedFile";

/**
 * A stored document's file checked against its own registry record: "valid", "revoked" or
 * "superseded" when it is the very file the institution issued (the registry's status then
 * applies); "invalid" with the main problem when the file itself fails; "unknown" when it is
 * intact but not this record's issued file (another document, no Sceau id, other bytes).
 */
export type FileVerdict =
  | { verdict: "valid" | "revoked" | "superseded"; why: null }
  | { verdict: "invalid"; why: ProblemKey }
  | { verdict: "unknown"; why: NotTheRecordKey };
