import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type {
  LearnerInvitationRecord,
  LearnerInvitationStore,
} from "../../core/learner-invitations/learner-invitations.ports.ts";
import type { LearnerInvitationStatus } from "../../core/learner-invitations/learner-invitations.types.ts";
import type { Db } from "./open-database.ts";
import { learnerInvitations } from "./schema.ts";

const toRecord = (r: typeof learnerInvitations.$inferSelect): LearnerInvitationRecord => ({
  id: r.id,
  learnerId: r.learnerId,
  institutionId: r.institutionId,
  status: r.status as LearnerInvitationStatus,
  codeHash: r.codeHash,
  passwordHash: r.passwordHash,
  codeExpiresAt: r.codeExpiresAt,
  failedAttempts: r.failedAttempts,
  sendCount: r.sendCount,
  sentAt: r.sentAt,
  lastError: r.lastError,
  claimedAt: r.claimedAt,
  createdAt: r.createdAt,
});

export function learnerInvitationStore(db: Db): LearnerInvitationStore {
  return {
    async ensure(institutionId, learnerIds, now) {
      if (learnerIds.length === 0) return [];
      const rows = await db
        .insert(learnerInvitations)
        .values(learnerIds.map((learnerId) => ({ learnerId, institutionId, createdAt: now, updatedAt: now })))
        .onConflictDoNothing({ target: learnerInvitations.learnerId })
        .returning();
      return rows.map(toRecord);
    },

    async findByLearners(learnerIds) {
      if (learnerIds.length === 0) return [];
      const rows = await db
        .select()
        .from(learnerInvitations)
        .where(inArray(learnerInvitations.learnerId, learnerIds));
      return rows.map(toRecord);
    },

    async findById(id) {
      const [row] = await db.select().from(learnerInvitations).where(eq(learnerInvitations.id, id));
      return row ? toRecord(row) : null;
    },

    async findByCodeHash(codeHash) {
      const [row] = await db
        .select()
        .from(learnerInvitations)
        .where(eq(learnerInvitations.codeHash, codeHash));
      return row ? toRecord(row) : null;
    },

    async markSent(id, secrets, now) {
      const rows = await db
        .update(learnerInvitations)
        .set({
          status: "sent",
          codeHash: secrets.codeHash,
          passwordHash: secrets.passwordHash,
          codeExpiresAt: secrets.expiresAt,
          failedAttempts: 0,
          sendCount: sql`${learnerInvitations.sendCount} + 1`,
          sentAt: now,
          lastError: null,
          updatedAt: now,
        })
        .where(and(eq(learnerInvitations.id, id), ne(learnerInvitations.status, "claimed")))
        .returning({ id: learnerInvitations.id });
      return rows.length > 0;
    },

    async markFailed(id, error, now) {
      await db
        .update(learnerInvitations)
        .set({ status: "failed", lastError: error.slice(0, 1000), updatedAt: now })
        .where(and(eq(learnerInvitations.id, id), ne(learnerInvitations.status, "claimed")));
    },

    async requeue(id, now, options = {}) {
      await db
        .update(learnerInvitations)
        .set({ status: "queued", updatedAt: now })
        .where(
          and(
            eq(learnerInvitations.id, id),
            options.unlessClaimed ? ne(learnerInvitations.status, "claimed") : undefined,
          ),
        );
    },

    async recordFailure(id, now) {
      const [row] = await db
        .update(learnerInvitations)
        .set({ failedAttempts: sql`${learnerInvitations.failedAttempts} + 1`, updatedAt: now })
        .where(eq(learnerInvitations.id, id))
        .returning({ failedAttempts: learnerInvitations.failedAttempts });
      return row?.failedAttempts ?? 0;
    },

    async claim(id, codeHash, now) {
      const rows = await db
        .update(learnerInvitations)
        .set({
          status: "claimed",
          claimedAt: now,
          codeHash: null,
          passwordHash: null,
          codeExpiresAt: null,
          updatedAt: now,
        })
        .where(
          and(
            eq(learnerInvitations.id, id),
            eq(learnerInvitations.codeHash, codeHash),
            ne(learnerInvitations.status, "claimed"),
          ),
        )
        .returning({ id: learnerInvitations.id });
      return rows.length > 0;
    },
    async markClaimedForLearner(learnerId, now) {
      const rows = await db
        .update(learnerInvitations)
        .set({
          status: "claimed",
          claimedAt: now,
          codeHash: null,
          passwordHash: null,
          codeExpiresAt: null,
          updatedAt: now,
        })
        .where(and(eq(learnerInvitations.learnerId, learnerId), ne(learnerInvitations.status, "claimed")))
        .returning({ id: learnerInvitations.id });
      return rows.length > 0;
    },
  };
}
