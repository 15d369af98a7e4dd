/**
 * The mail server refused the message for good (an SMTP 5xx answer: no such mailbox, domain
 * unknown…): a bounce. Retrying would not help, so the job fails at once and staff see it.
 */
export class MailRejected extends Error {
  readonly permanent = true;
  constructor(message: string) {
    super(message);
    this.name = "MailRejected";
  }
}

/** True for an error no retry can fix (a bounce). */
export const isPermanentFailure = (error: unknown): boolean =>
  error instanceof Error && (error as { permanent?: unknown }).permanent === true;
