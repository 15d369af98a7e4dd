import { and, desc, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { ShareRecord, ShareStore } from "../../core/sharing/sharing.ports.ts";
import type { ShareChannel, ShareEventKind } from "../../core/sharing/sharing.types.ts";
import type { Db } from "./open-database.ts";
import {
  documents,
  documentTypes,
  institutions,
  learners,
  shareDocuments,
  shareEvents,
  shares,
} from "./schema.ts";

type Row = typeof shares.$inferSelect;
const toRecord = ({ tokenHash: _omit, ...r }: Row): ShareRecord => ({
  ...r,
  channel: r.channel as ShareChannel,
});

/** The recipient's look-up (the hottest query): one prepared, indexed statement by token hash. */
const byTokenHashQuery = (db: Db) =>
  db
    .select({
      share: shares,
      id: documents.id,
      title: documents.title,
      issueDate: documents.issueDate,
      signedAt: documents.signedAt,
      status: documents.status,
      revokedAt: documents.revokedAt,
      supersededBy: documents.supersededBy,
      sha256: documents.sha256,
      byteSize: documents.byteSize,
      givenName: learners.givenName,
      familyName: learners.familyName,
      instId: institutions.id,
      slug: institutions.slug,
      instFr: institutions.nameFr,
      instEn: institutions.nameEn,
      logoType: institutions.logoType,
      typeCode: documentTypes.code,
      typeFr: documentTypes.nameFr,
      typeEn: documentTypes.nameEn,
      typeDownload: documentTypes.downloadAllowed,
    })
    .from(shares)
    .innerJoin(shareDocuments, eq(shareDocuments.shareId, shares.id))
    .innerJoin(documents, eq(documents.id, shareDocuments.documentId))
    .innerJoin(institutions, eq(institutions.id, documents.institutionId))
    .leftJoin(learners, eq(learners.id, documents.learnerId))
    .leftJoin(documentTypes, eq(documentTypes.id, documents.documentTypeId))
    .where(eq(shares.tokenHash, sql.placeholder("tokenHash")))
    .orderBy(documents.title)
    .prepare("share_by_token_hash");

const NO_FAILURES = { failedAttempts: 0, lastFailureAt: null, lockedUntil: null };

/** Live (not revoked, not expired) and under its view limit, views and downloads together. */
const liveUnderLimit = (id: string, now: Date) =>
  and(
    eq(shares.id, id),
    isNull(shares.revokedAt),
    gt(shares.expiresAt, now),
    or(isNull(shares.maxViews), lt(sql`${shares.viewCount} + ${shares.downloadCount}`, shares.maxViews)),
  );

export function shareStore(db: Db): ShareStore {
  let byTokenHash: ReturnType<typeof byTokenHashQuery> | null = null;
  return {
    async ownedDocuments(userId, documentIds) {
      if (documentIds.length === 0) return [];
      const rows = await db
        .select({
          id: documents.id,
          institutionId: documents.institutionId,
          title: documents.title,
          status: documents.status,
          fee: documentTypes.shareFeeCents,
          currency: documentTypes.currency,
          days: documentTypes.defaultShareDays,
          download: documentTypes.downloadAllowed,
        })
        .from(documents)
        .innerJoin(learners, eq(learners.id, documents.learnerId))
        .leftJoin(documentTypes, eq(documentTypes.id, documents.documentTypeId))
        .where(
          and(
            inArray(documents.id, documentIds),
            eq(learners.userId, userId),
            eq(learners.institutionId, documents.institutionId),
          ),
        );
      return rows.map((r) => ({
        id: r.id,
        institutionId: r.institutionId,
        title: r.title,
        status: r.status,
        type:
          r.fee === null || r.currency === null || r.days === null || r.download === null
            ? null
            : {
                shareFeeCents: r.fee,
                currency: r.currency,
                defaultShareDays: r.days,
                downloadAllowed: r.download,
              },
      }));
    },

    async create({ documentIds, ...input }, now) {
      const [row] = await db
        .insert(shares)
        .values({ ...input, createdAt: now })
        .returning();
      if (!row) throw new Error("insert returned no row");
      await db
        .insert(shareDocuments)
        .values(documentIds.map((documentId) => ({ shareId: row.id, documentId })));
      return toRecord(row);
    },

    async findByPaymentId(paymentId) {
      const [row] = await db.select().from(shares).where(eq(shares.paymentId, paymentId));
      return row ? toRecord(row) : null;
    },

    async findForUser(userId, id) {
      const [row] = await db
        .select()
        .from(shares)
        .where(and(eq(shares.id, id), eq(shares.userId, userId)));
      return row ? toRecord(row) : null;
    },

    async listForUser(userId, limit) {
      const rows = await db
        .select()
        .from(shares)
        .where(eq(shares.userId, userId))
        .orderBy(desc(shares.createdAt), desc(shares.id))
        .limit(limit);
      return rows.map(toRecord);
    },

    async documentsOf(shareIds) {
      if (shareIds.length === 0) return [];
      return db
        .select({ shareId: shareDocuments.shareId, id: documents.id, title: documents.title })
        .from(shareDocuments)
        .innerJoin(documents, eq(documents.id, shareDocuments.documentId))
        .where(inArray(shareDocuments.shareId, shareIds))
        .orderBy(documents.title);
    },

    async eventsOf(shareIds, perShare) {
      if (shareIds.length === 0) return [];
      const ranked = db
        .select({
          shareId: shareEvents.shareId,
          kind: shareEvents.kind,
          documentId: shareEvents.documentId,
          organizationId: shareEvents.organizationId,
          createdAt: shareEvents.createdAt,
          n: sql<number>`row_number() over (partition by ${shareEvents.shareId} order by ${shareEvents.createdAt} desc)`.as(
            "n",
          ),
        })
        .from(shareEvents)
        .where(inArray(shareEvents.shareId, shareIds))
        .as("ranked");
      const rows = await db
        .select()
        .from(ranked)
        .where(sql`${ranked.n} <= ${perShare}`)
        .orderBy(ranked.createdAt);
      return rows.map(({ n: _n, ...r }) => ({ ...r, kind: r.kind as ShareEventKind }));
    },

    async revoke(userId, id, now) {
      const rows = await db
        .update(shares)
        .set({ revokedAt: now })
        .where(and(eq(shares.id, id), eq(shares.userId, userId), isNull(shares.revokedAt)))
        .returning({ id: shares.id });
      return rows.length > 0;
    },

    async setExpiry(userId, id, expiresAt) {
      const rows = await db
        .update(shares)
        .set({ expiresAt })
        .where(and(eq(shares.id, id), eq(shares.userId, userId), isNull(shares.revokedAt)))
        .returning({ id: shares.id });
      return rows.length > 0;
    },

    async findByTokenHash(tokenHash) {
      byTokenHash ??= byTokenHashQuery(db);
      const rows = await byTokenHash.execute({ tokenHash });
      const first = rows[0];
      if (!first) return null;
      return {
        share: toRecord(first.share),
        documents: rows.map((r) => ({
          id: r.id,
          title: r.title,
          issueDate: r.issueDate,
          signedAt: r.signedAt,
          status: r.status,
          revokedAt: r.revokedAt,
          supersededBy: r.supersededBy,
          sha256: r.sha256,
          byteSize: r.byteSize,
          givenName: r.givenName,
          familyName: r.familyName,
          institution: {
            id: r.instId,
            slug: r.slug,
            nameFr: r.instFr,
            nameEn: r.instEn,
            hasLogo: r.logoType !== null,
          },
          documentType:
            r.typeCode === null || r.typeFr === null || r.typeEn === null || r.typeDownload === null
              ? null
              : { code: r.typeCode, nameFr: r.typeFr, nameEn: r.typeEn, downloadAllowed: r.typeDownload },
        })),
      };
    },

    async countView(id, now) {
      const rows = await db
        .update(shares)
        .set({
          viewCount: sql`${shares.viewCount} + 1`,
          firstViewedAt: sql`coalesce(${shares.firstViewedAt}, ${now})`,
        })
        .where(liveUnderLimit(id, now))
        .returning({ viewCount: shares.viewCount, downloadCount: shares.downloadCount });
      const row = rows[0];
      return row ? { first: row.viewCount === 1, used: row.viewCount + row.downloadCount } : null;
    },

    async countDownload(id, now) {
      const rows = await db
        .update(shares)
        .set({ downloadCount: sql`${shares.downloadCount} + 1` })
        .where(liveUnderLimit(id, now))
        .returning({ viewCount: shares.viewCount, downloadCount: shares.downloadCount });
      const row = rows[0];
      return row ? { used: row.viewCount + row.downloadCount } : null;
    },

    async addEvent(event) {
      await db.insert(shareEvents).values(event);
    },

    async readAttempts(id) {
      const [row] = await db
        .select({
          failures: shares.failedAttempts,
          lastFailureAt: shares.lastFailureAt,
          lockedUntil: shares.lockedUntil,
        })
        .from(shares)
        .where(eq(shares.id, id));
      return row?.lastFailureAt
        ? { key: id, failures: row.failures, lastFailureAt: row.lastFailureAt, lockedUntil: row.lockedUntil }
        : null;
    },

    async swapAttempts(id, expected, next) {
      const rows = await db
        .update(shares)
        .set({
          failedAttempts: next?.failures ?? 0,
          lastFailureAt: next?.lastFailureAt ?? null,
          lockedUntil: next?.lockedUntil ?? null,
        })
        .where(
          and(
            eq(shares.id, id),
            expected
              ? and(
                  eq(shares.failedAttempts, expected.failures),
                  eq(shares.lastFailureAt, expected.lastFailureAt),
                  expected.lockedUntil
                    ? eq(shares.lockedUntil, expected.lockedUntil)
                    : isNull(shares.lockedUntil),
                )
              : isNull(shares.lastFailureAt),
          ),
        )
        .returning({ id: shares.id });
      return rows.length > 0;
    },

    async setOneTimeCode(id, otpHash, expiresAt) {
      await db.update(shares).set({ otpHash, otpExpiresAt: expiresAt }).where(eq(shares.id, id));
    },

    async spendCode(id) {
      await db.update(shares).set({ otpHash: null, otpExpiresAt: null }).where(eq(shares.id, id));
    },

    async clearLock(userId, id) {
      const rows = await db
        .update(shares)
        .set(NO_FAILURES)
        .where(and(eq(shares.id, id), eq(shares.userId, userId), isNull(shares.revokedAt)))
        .returning({ id: shares.id });
      return rows.length > 0;
    },

    async setPasscode(userId, id, passcodeHash) {
      const rows = await db
        .update(shares)
        .set({ ...NO_FAILURES, passcodeHash })
        .where(and(eq(shares.id, id), eq(shares.userId, userId), isNull(shares.revokedAt)))
        .returning({ id: shares.id });
      return rows.length > 0;
    },
  };
}
