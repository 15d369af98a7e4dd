/** A message as the development outbox shows it. */
export interface OutboxSummary {
  id: string;
  to: string;
  subject: string;
  sentAt: string;
}

export interface OutboxMessage extends OutboxSummary {
  from: string;
  text: string;
  html: string;
}
