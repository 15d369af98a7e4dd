import { and, asc, eq } from "drizzle-orm";
import type { LinkedAccountStore } from "../../core/sign-on/sign-on.ports.ts";
import type { Db } from "./open-database.ts";
import { identityProviders, linkedAccounts } from "./schema.ts";

export function linkedAccountStore(db: Db): LinkedAccountStore {
  return {
    async listForUser(userId) {
      const rows = await db
        .select({
          id: linkedAccounts.id,
          providerKey: identityProviders.key,
          providerNameFr: identityProviders.nameFr,
          providerNameEn: identityProviders.nameEn,
          email: linkedAccounts.email,
          createdAt: linkedAccounts.createdAt,
          lastUsedAt: linkedAccounts.lastUsedAt,
        })
        .from(linkedAccounts)
        .innerJoin(identityProviders, eq(identityProviders.id, linkedAccounts.providerId))
        .where(eq(linkedAccounts.userId, userId))
        .orderBy(asc(linkedAccounts.createdAt), asc(linkedAccounts.id));
      return rows.map((r) => ({
        ...r,
        createdAt: r.createdAt.toISOString(),
        lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
      }));
    },
    async findBySubject(providerId, subject) {
      const [row] = await db
        .select()
        .from(linkedAccounts)
        .where(and(eq(linkedAccounts.providerId, providerId), eq(linkedAccounts.subject, subject)));
      return row ?? null;
    },
    async findForUser(userId, id) {
      const [row] = await db
        .select()
        .from(linkedAccounts)
        .where(and(eq(linkedAccounts.userId, userId), eq(linkedAccounts.id, id)));
      return row ?? null;
    },
    async create(input, now) {
      // ON CONFLICT DO NOTHING: a taken subject answers null without aborting the caller's transaction.
      const [row] = await db
        .insert(linkedAccounts)
        .values({ ...input, createdAt: now, lastUsedAt: now })
        .onConflictDoNothing()
        .returning();
      return row ?? null;
    },
    async remove(userId, id) {
      const rows = await db
        .delete(linkedAccounts)
        .where(and(eq(linkedAccounts.userId, userId), eq(linkedAccounts.id, id)))
        .returning({ id: linkedAccounts.id });
      return rows.length > 0;
    },
    async touch(id, now) {
      await db.update(linkedAccounts).set({ lastUsedAt: now }).where(eq(linkedAccounts.id, id));
    },
  };
}
