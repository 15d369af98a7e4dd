import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { InboxRecord, OrganizationInboxStore } from "../../core/organizations/organizations.ports.ts";
import type { InboxDocument } from "../../core/organizations/organizations.types.ts";
import type { Db } from "./open-database.ts";
import {
  documents,
  institutions,
  organizationInbox,
  shareDocuments,
  shareEvents,
  shares,
  users,
} from "./schema.ts";

const ACCENTED = "àâäáãåéèêëíìîïóòôöõúùûüçñÿ";
const PLAIN = "aaaaaaeeeeiiiiooooouuuucny";
/** Lower case without the common Latin accents, in SQL (as foldText does in TypeScript). */
const folded = (col: SQL | typeof users.displayName) => sql`translate(lower(${col}), ${ACCENTED}, ${PLAIN})`;
const likeEscaped = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const processor = sql<
  string | null
>`(select display_name from users p where p.id = ${organizationInbox.processedBy})`;

export function organizationInboxStore(db: Db): OrganizationInboxStore {
  const select = async (where: SQL | undefined, limit: number): Promise<InboxRecord[]> => {
    const rows = await db
      .select({
        shareId: organizationInbox.shareId,
        organizationId: organizationInbox.organizationId,
        userId: shares.userId,
        learnerName: users.displayName,
        message: shares.message,
        receivedAt: organizationInbox.receivedAt,
        expiresAt: shares.expiresAt,
        revokedAt: shares.revokedAt,
        downloadAllowed: shares.downloadAllowed,
        processedAt: organizationInbox.processedAt,
        processedById: organizationInbox.processedBy,
        processedByName: processor,
      })
      .from(organizationInbox)
      .innerJoin(shares, eq(shares.id, organizationInbox.shareId))
      .innerJoin(users, eq(users.id, shares.userId))
      .where(where)
      .orderBy(desc(organizationInbox.receivedAt), desc(organizationInbox.shareId))
      .limit(limit);
    if (rows.length === 0) return [];
    const docs = await db
      .select({
        shareId: shareDocuments.shareId,
        id: documents.id,
        title: documents.title,
        issueDate: documents.issueDate,
        status: documents.status,
        institutionId: documents.institutionId,
        sha256: documents.sha256,
        byteSize: documents.byteSize,
        revokedAt: documents.revokedAt,
        supersededBy: documents.supersededBy,
        slug: institutions.slug,
        nameFr: institutions.nameFr,
        nameEn: institutions.nameEn,
      })
      .from(shareDocuments)
      .innerJoin(documents, eq(documents.id, shareDocuments.documentId))
      .innerJoin(institutions, eq(institutions.id, documents.institutionId))
      .where(
        inArray(
          shareDocuments.shareId,
          rows.map((r) => r.shareId),
        ),
      )
      .orderBy(documents.title, documents.id);
    const byShare = new Map<string, InboxRecord["documents"]>();
    for (const d of docs) {
      const list = byShare.get(d.shareId) ?? [];
      const status = d.status as InboxDocument["status"];
      list.push({
        id: d.id,
        title: d.title,
        issueDate: d.issueDate,
        status,
        institution: { slug: d.slug, nameFr: d.nameFr, nameEn: d.nameEn },
        file: {
          id: d.id,
          institutionId: d.institutionId,
          sha256: d.sha256,
          byteSize: d.byteSize,
          status,
          revokedAt: d.revokedAt,
          supersededBy: d.supersededBy,
        },
      });
      byShare.set(d.shareId, list);
    }
    return rows.map(({ processedById, processedByName, ...r }) => ({
      ...r,
      processedBy: processedById ? { id: processedById, displayName: processedByName ?? "" } : null,
      documents: byShare.get(r.shareId) ?? [],
    }));
  };

  return {
    list(organizationId, filter) {
      const q = filter.q ? likeEscaped(filter.q) : null;
      const matches = q
        ? sql`(${folded(users.displayName)} like ${q} or exists (
            select 1 from share_documents sd
            join documents d on d.id = sd.document_id
            join institutions i on i.id = d.institution_id
            where sd.share_id = ${organizationInbox.shareId}
              and (${folded(sql`d.title`)} like ${q} or ${folded(sql`i.name_fr`)} like ${q} or ${folded(sql`i.name_en`)} like ${q})))`
        : undefined;
      return select(
        and(
          eq(organizationInbox.organizationId, organizationId),
          eq(shares.channel, "organization"),
          matches,
          filter.processed === undefined
            ? undefined
            : filter.processed
              ? isNotNull(organizationInbox.processedAt)
              : isNull(organizationInbox.processedAt),
          filter.receivedFrom ? gte(organizationInbox.receivedAt, filter.receivedFrom) : undefined,
          filter.receivedBefore ? lt(organizationInbox.receivedAt, filter.receivedBefore) : undefined,
        ),
        filter.limit,
      );
    },
    async find(organizationId, shareId) {
      const [record] = await select(
        and(
          eq(organizationInbox.organizationId, organizationId),
          eq(organizationInbox.shareId, shareId),
          eq(shares.channel, "organization"),
        ),
        1,
      );
      return record ?? null;
    },
    async setProcessed(organizationId, shareId, by, at) {
      const rows = await db
        .update(organizationInbox)
        .set({ processedBy: by, processedAt: at })
        .where(
          and(eq(organizationInbox.organizationId, organizationId), eq(organizationInbox.shareId, shareId)),
        )
        .returning({ shareId: organizationInbox.shareId });
      return rows.length > 0;
    },
    async recordRetrieval(input) {
      await db.insert(shareEvents).values({ ...input, kind: "retrieved" });
    },
    async receive(shareId, organizationId, at) {
      await db
        .insert(organizationInbox)
        .values({ shareId, organizationId, receivedAt: at })
        .onConflictDoNothing();
    },
  };
}
