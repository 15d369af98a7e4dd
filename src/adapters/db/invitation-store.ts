import { and, desc, eq, isNull } from "drizzle-orm";
import type { InstitutionRole } from "../../core/accounts/accounts.types.ts";
import type { InvitationRecord, InvitationStore } from "../../core/institutions/institutions.ports.ts";
import type { Db } from "./open-database.ts";
import { invitations } from "./schema.ts";

type Row = typeof invitations.$inferSelect;
const toRecord = (r: Row): InvitationRecord => ({
  id: r.id,
  email: r.email,
  role: r.role as InstitutionRole,
  institutionId: r.institutionId,
  invitedBy: r.invitedBy,
  locale: r.locale === "en" ? "en" : "fr",
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
  acceptedAt: r.acceptedAt,
  cancelledAt: r.cancelledAt,
});

export function invitationStore(db: Db): InvitationStore {
  return {
    async create(input) {
      const [row] = await db
        .insert(invitations)
        .values({ ...input, emailNormalized: input.email.trim().toLowerCase() })
        .returning();
      if (!row) throw new Error("insert returned no row");
      return toRecord(row);
    },
    async findByHash(tokenHash) {
      const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
      return row ? toRecord(row) : null;
    },
    async findById(id) {
      const [row] = await db.select().from(invitations).where(eq(invitations.id, id));
      return row ? toRecord(row) : null;
    },
    async listForInstitution(institutionId) {
      const rows = await db
        .select()
        .from(invitations)
        .where(eq(invitations.institutionId, institutionId))
        .orderBy(desc(invitations.createdAt));
      return rows.map(toRecord);
    },
    async accept(id, now) {
      const rows = await db
        .update(invitations)
        .set({ acceptedAt: now })
        .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.cancelledAt)))
        .returning({ id: invitations.id });
      return rows.length > 0;
    },
    async cancel(id, now) {
      await db
        .update(invitations)
        .set({ cancelledAt: now })
        .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt)));
    },
    async renew(id, tokenHash, expiresAt) {
      const [row] = await db
        .update(invitations)
        .set({ tokenHash, expiresAt })
        .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.cancelledAt)))
        .returning();
      return row ? toRecord(row) : null;
    },
  };
}
