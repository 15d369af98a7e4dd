/** The TanStack Query keys of the app, in one place so that mutations invalidate the right data. */
export const queryKeys = {
  me: ["me"] as const,
  wallet: ["wallet"] as const,
  payments: ["payments"] as const,
  meta: ["meta"] as const,
  sessions: ["sessions"] as const,
  accountEmails: ["account-emails"] as const,
  twoFactor: ["two-factor"] as const,
  institutions: ["institutions"] as const,
  institution: (slug: string) => ["institutions", slug] as const,
  staff: (slug: string) => ["institutions", slug, "staff"] as const,
  users: ["users"] as const,
  userPage: (q: string, page: number) => ["users", q, page] as const,
  invitation: (token: string) => ["invitation", token] as const,
  outbox: ["outbox"] as const,
  documentVerification: (id: string) => ["documents", id, "verification"] as const,
  outboxMessage: (id: string) => ["outbox", id] as const,
  learners: (slug: string) => ["institutions", slug, "learners"] as const,
  learnerPage: (slug: string, q: string, after?: string, before?: string) =>
    ["institutions", slug, "learners", "page", q, after ?? "", before ?? ""] as const,
  learner: (slug: string, id: string) => ["institutions", slug, "learners", id] as const,
  documentTypes: (slug: string) => ["institutions", slug, "document-types"] as const,
  dashboard: (slug: string) => ["institutions", slug, "dashboard"] as const,
  audit: (scope: string, action: string, from: string, to: string) =>
    ["audit", scope, action, from, to] as const,
  documents: (slug: string) => ["institutions", slug, "documents"] as const,
  documentPage: (slug: string, filter: Record<string, string>, cursor: string) =>
    ["institutions", slug, "documents", "page", filter, cursor] as const,
  document: (slug: string, id: string) => ["institutions", slug, "documents", id] as const,
  batches: (slug: string) => ["institutions", slug, "batches"] as const,
  batch: (slug: string, id: string) => ["institutions", slug, "batches", id] as const,
  batchItems: (slug: string, id: string, status: string) =>
    ["institutions", slug, "batches", id, "items", status] as const,
  learnerInvitation: (slug: string, id: string) =>
    ["institutions", slug, "learners", id, "invitation"] as const,
};
