import { and, count, desc, eq, sql } from "drizzle-orm";
import type { WalletStore } from "../../core/wallet/wallet.ports.ts";
import type { Db } from "./open-database.ts";
import { documents, documentTypes, institutions, learners } from "./schema.ts";

/** The wallet page's documents (asked on every visit), prepared. */
const walletListQuery = (db: Db) =>
  db
    .select({
      id: documents.id,
      title: documents.title,
      issueDate: documents.issueDate,
      status: documents.status,
      revokedAt: documents.revokedAt,
      supersededBy: documents.supersededBy,
      slug: institutions.slug,
      institutionFr: institutions.nameFr,
      institutionEn: institutions.nameEn,
      typeFr: documentTypes.nameFr,
      typeEn: documentTypes.nameEn,
    })
    .from(documents)
    .innerJoin(learners, eq(learners.id, documents.learnerId))
    .innerJoin(institutions, eq(institutions.id, documents.institutionId))
    .leftJoin(documentTypes, eq(documentTypes.id, documents.documentTypeId))
    .where(
      and(
        eq(learners.userId, sql.placeholder("userId")),
        eq(learners.institutionId, documents.institutionId),
      ),
    )
    .orderBy(desc(documents.issueDate), desc(documents.createdAt), desc(documents.id))
    .prepare("wallet_documents_by_user");

export function walletStore(db: Db): WalletStore {
  let walletList: ReturnType<typeof walletListQuery> | null = null;
  return {
    async listDocuments(userId) {
      walletList ??= walletListQuery(db);
      const rows = await walletList.execute({ userId });
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        issueDate: r.issueDate,
        status: r.status,
        revokedAt: r.revokedAt,
        supersededBy: r.supersededBy,
        institution: { slug: r.slug, nameFr: r.institutionFr, nameEn: r.institutionEn },
        documentType: r.typeFr !== null && r.typeEn !== null ? { nameFr: r.typeFr, nameEn: r.typeEn } : null,
      }));
    },

    async countForLearner(learnerId) {
      const [row] = await db.select({ n: count() }).from(documents).where(eq(documents.learnerId, learnerId));
      return row?.n ?? 0;
    },
  };
}
