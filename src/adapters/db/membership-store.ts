import { eq, inArray } from "drizzle-orm";
import type { MembershipRecord, MembershipStore } from "../../core/accounts/accounts.ports.ts";
import type { Role } from "../../core/accounts/accounts.types.ts";
import type { Db } from "./open-database.ts";
import { memberships } from "./schema.ts";

type Row = typeof memberships.$inferSelect;
const toRecord = (r: Row): MembershipRecord => ({
  id: r.id,
  userId: r.userId,
  role: r.role as Role,
  institutionId: r.institutionId,
  organizationId: r.organizationId,
});

export function membershipStore(db: Db): MembershipStore {
  return {
    async listForUsers(userIds) {
      if (userIds.length === 0) return [];
      const rows = await db.select().from(memberships).where(inArray(memberships.userId, userIds));
      return rows.map(toRecord);
    },
    async listForInstitution(institutionId) {
      const rows = await db.select().from(memberships).where(eq(memberships.institutionId, institutionId));
      return rows.map(toRecord);
    },
    async findById(id) {
      const [row] = await db.select().from(memberships).where(eq(memberships.id, id));
      return row ? toRecord(row) : null;
    },
    async add(input) {
      const [row] = await db.insert(memberships).values(input).returning();
      if (!row) throw new Error("insert returned no row");
      return toRecord(row);
    },
    async remove(id) {
      await db.delete(memberships).where(eq(memberships.id, id));
    },
  };
}
