import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../src/adapters/db/open-database.ts";
import {
  batches,
  batchItems,
  documents,
  documentTypes,
  jobs,
  learnerInvitations,
  learners,
} from "../../src/adapters/db/schema.ts";
import type { DocumentStatus } from "../../src/core/documents/documents.types.ts";
import { uniq } from "./factories.ts";

/**
 * Rows of the issuance tables written straight into the database, for tests of read-only views
 * (the dashboard) before the issuing features exist. Each helper writes one row and returns its id.
 */
export function issuanceRows(db: Db, institutionId: string) {
  return {
    async learner(options: { userId?: string | null } = {}): Promise<string> {
      const n = uniq();
      const [row] = await db
        .insert(learners)
        .values({
          institutionId,
          studentNumber: n,
          givenName: "Ana",
          familyName: `Nguyen ${n}`,
          searchText: `nguyen ${n} ana ${n}`,
          userId: options.userId ?? null,
        })
        .returning({ id: learners.id });
      if (!row) throw new Error("no learner");
      return row.id;
    },

    async documentType(): Promise<string> {
      const [row] = await db
        .insert(documentTypes)
        .values({ institutionId, code: `T${uniq().toUpperCase()}`, nameFr: "Relevé", nameEn: "Transcript" })
        .returning({ id: documentTypes.id });
      if (!row) throw new Error("no document type");
      return row.id;
    },

    async document(options: {
      createdAt: Date;
      learnerId?: string | null;
      status?: DocumentStatus;
      batchId?: string | null;
    }): Promise<string> {
      const id = randomUUID();
      await db.insert(documents).values({
        id,
        institutionId,
        title: `Document ${id.slice(0, 8)}`,
        sha256: randomBytes(32).toString("hex"),
        byteSize: 1000,
        status: options.status ?? "active",
        signedAt: options.createdAt,
        createdAt: options.createdAt,
        learnerId: options.learnerId ?? null,
        batchId: options.batchId ?? null,
      });
      return id;
    },

    async invitation(learnerId: string, status: "queued" | "sent" | "failed" | "claimed"): Promise<void> {
      await db.insert(learnerInvitations).values({ learnerId, institutionId, status });
    },

    async batch(options: {
      createdAt: Date;
      status?: "queued" | "running" | "done";
      items?: {
        learnerId: string;
        documentTypeId: string;
        statuses: ("pending" | "issued" | "skipped" | "failed")[];
      };
      total?: number;
    }): Promise<string> {
      const statuses = options.items?.statuses ?? [];
      const [row] = await db
        .insert(batches)
        .values({
          institutionId,
          createdByLabel: "admin@example.test",
          source: "web",
          manifestName: `manifest-${uniq()}.csv`,
          status: options.status ?? "done",
          total: options.total ?? statuses.length,
          createdAt: options.createdAt,
          finishedAt: options.status === "done" || !options.status ? options.createdAt : null,
        })
        .returning({ id: batches.id });
      if (!row) throw new Error("no batch");
      const items = options.items;
      if (items && statuses.length > 0)
        await db.insert(batchItems).values(
          statuses.map((status, i) => ({
            batchId: row.id,
            rowNumber: i + 2,
            externalId: `ext-${uniq()}`,
            learnerId: items.learnerId,
            documentTypeId: items.documentTypeId,
            title: "Relevé de notes",
            issueDate: "2026-06-01",
            fileName: `row-${i}.pdf`,
            sourceSha256: randomBytes(32).toString("hex"),
            status,
          })),
        );
      return row.id;
    },

    /** A job of the mail queue carrying the message and the institution, in the given state. */
    async mailJob(options: {
      to: string;
      state: "queued" | "active" | "done" | "failed";
      error?: string;
      finishedAt?: Date;
      queue?: string;
      institutionId?: string;
    }): Promise<string> {
      const [row] = await db
        .insert(jobs)
        .values({
          queue: options.queue ?? "mail",
          payload: {
            institutionId: options.institutionId ?? institutionId,
            message: { to: options.to, subject: "Vos documents", text: "…", html: "<p>…</p>" },
          },
          state: options.state,
          attempts: 5,
          lastError: options.error ?? null,
          finishedAt: options.finishedAt ?? null,
        })
        .returning({ id: jobs.id });
      if (!row) throw new Error("no job");
      return row.id;
    },

    async linkLearner(learnerId: string, userId: string): Promise<void> {
      await db.update(learners).set({ userId }).where(eq(learners.id, learnerId));
    },
  };
}
