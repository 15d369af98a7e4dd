import { and, desc, eq, type Placeholder, sql } from "drizzle-orm";
import type { DocumentAccessStore, OwnedDocumentRecord } from "../../core/payments/payments.ports.ts";
import type { Db } from "./open-database.ts";
import { documents, documentTypes, documentUnlocks, learners } from "./schema.ts";

/** The user's wallet documents (learner record linked to the user, same institution), with their type's terms. */
function ownedQuery(db: Db, userId: string | Placeholder) {
  return db
    .select({
      id: documents.id,
      institutionId: documents.institutionId,
      title: documents.title,
      sha256: documents.sha256,
      status: documents.status,
      type: {
        id: documentTypes.id,
        nameFr: documentTypes.nameFr,
        nameEn: documentTypes.nameEn,
        unlockFeeCents: documentTypes.unlockFeeCents,
        shareFeeCents: documentTypes.shareFeeCents,
        currency: documentTypes.currency,
        downloadAllowed: documentTypes.downloadAllowed,
      },
      unlocked: sql<boolean>`exists (select 1 from ${documentUnlocks} where ${documentUnlocks.documentId} = ${documents.id} and ${documentUnlocks.userId} = ${userId})`,
    })
    .from(documents)
    .innerJoin(learners, eq(learners.id, documents.learnerId))
    .leftJoin(documentTypes, eq(documentTypes.id, documents.documentTypeId))
    .$dynamic();
}

type OwnedRow = Awaited<ReturnType<ReturnType<typeof ownedQuery>["execute"]>>[number];

const toOwned = (r: OwnedRow): OwnedDocumentRecord => ({
  id: r.id,
  institutionId: r.institutionId,
  title: r.title,
  sha256: r.sha256,
  status: r.status,
  documentType: r.type?.id ? (r.type as NonNullable<OwnedDocumentRecord["documentType"]>) : null,
  unlocked: r.unlocked === true || (r.unlocked as unknown) === "t",
});

const mine = (userId: string | Placeholder) =>
  and(eq(learners.userId, userId), eq(learners.institutionId, documents.institutionId));

/** The wallet's list (every signed-in wallet page asks it), prepared. */
const listOwnedQuery = (db: Db) => {
  const userId = sql.placeholder("userId");
  return ownedQuery(db, userId)
    .where(mine(userId))
    .orderBy(desc(documents.createdAt))
    .prepare("owned_documents_by_user");
};

export function documentAccessStore(db: Db): DocumentAccessStore {
  let listOwned: ReturnType<typeof listOwnedQuery> | null = null;
  return {
    async findOwned(userId, documentId) {
      const [row] = await ownedQuery(db, userId).where(and(mine(userId), eq(documents.id, documentId)));
      return row ? toOwned(row) : null;
    },
    async listOwned(userId) {
      listOwned ??= listOwnedQuery(db);
      const rows = await listOwned.execute({ userId });
      return rows.map(toOwned);
    },
    async unlock(documentId, userId, paymentId, now) {
      await db
        .insert(documentUnlocks)
        .values({ documentId, userId, paymentId, createdAt: now })
        .onConflictDoNothing();
    },
    async withdraw(paymentId) {
      await db.delete(documentUnlocks).where(eq(documentUnlocks.paymentId, paymentId));
    },
  };
}
