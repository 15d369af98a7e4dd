import { DomainError } from "../errors.ts";

export const REASON_MIN = 3;
export const REASON_MAX = 500;

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

/** The optional new title and issue date of a replacement, trimmed (empty: keep the old one's); issueDocument checks them. */
export const replacementFields = (input: { title?: string | null; issueDate?: string | null }) => ({
  title: input.title?.trim().replace(/\s+/g, " ") || null,
  issueDate: input.issueDate?.trim() || null,
});
