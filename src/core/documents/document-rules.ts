import { isCalendarDate } from "../dates/calendar-date.ts";
import { DomainError, type FieldIssue } from "../errors.ts";

export const REASON_MIN = 3;
export const REASON_MAX = 500;
export const TITLE_MAX = 200;
/** Largest replacement file accepted, as large as the public verifier accepts. */
export const DOCUMENT_PDF_MAX_BYTES = 25 * 1024 * 1024;

/** A revocation reason, trimmed and on one line; validation_failed unless 3 to 500 characters. */
export function normalizeRevocationReason(raw: string): string {
  const reason = raw.trim().replace(/\s+/g, " ");
  if (reason.length < REASON_MIN || reason.length > REASON_MAX)
    throw new DomainError("validation_failed", {
      issues: [
        {
          path: "reason",
          message: {
            fr: "Expliquez le motif de la révocation en 3 à 500 caractères : il sera affiché lors de la vérification.",
            en: "Explain the reason for revoking in 3 to 500 characters: verification will show it.",
          },
        },
      ],
    });
  return reason;
}

/** The optional new title and issue date of a replacement, trimmed; validation_failed with every problem. */
export function normalizeReplacementFields(input: { title?: string | null; issueDate?: string | null }): {
  title: string | null;
  issueDate: string | null;
} {
  const issues: FieldIssue[] = [];
  const title = input.title?.trim().replace(/\s+/g, " ") || null;
  if (title && title.length > TITLE_MAX)
    issues.push({ path: "title", message: { fr: "Au plus 200 caractères.", en: "At most 200 characters." } });
  const issueDate = input.issueDate?.trim() || null;
  if (issueDate && !isCalendarDate(issueDate))
    issues.push({
      path: "issueDate",
      message: {
        fr: "Date invalide : utilisez le format AAAA-MM-JJ (ex. : 2025-06-15).",
        en: "Invalid date: use the YYYY-MM-DD format (e.g. 2025-06-15).",
      },
    });
  if (issues.length > 0) throw new DomainError("validation_failed", { issues });
  return { title, issueDate };
}
