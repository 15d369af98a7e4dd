import type { OutboxMessage, OutboxSummary } from "../../core/mail/mail.types.ts";
import { request } from "./http.ts";

// Development outbox

export async function listOutbox(): Promise<OutboxSummary[]> {
  return (await request<{ messages: OutboxSummary[] }>("GET", "/api/v1/dev/outbox")).messages;
}

export async function getOutboxMessage(id: string): Promise<OutboxMessage> {
  return (await request<{ message: OutboxMessage }>("GET", `/api/v1/dev/outbox/${encodeURIComponent(id)}`))
    .message;
}
