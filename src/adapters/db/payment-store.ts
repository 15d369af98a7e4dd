import { and, desc, eq, gt, isNull, lte, ne, or, type SQL, sql } from "drizzle-orm";
import type { PaymentStore } from "../../core/payments/payments.ports.ts";
import type {
  GatewayName,
  PaymentHistoryItem,
  PaymentPurpose,
  PaymentRecord,
  PaymentStatus,
  RevenueLine,
} from "../../core/payments/payments.types.ts";
import type { Db } from "./open-database.ts";
import { documents, documentTypes, institutions, paymentEvents, payments } from "./schema.ts";

type Row = typeof payments.$inferSelect;

const toPayment = (r: Row): PaymentRecord => ({
  ...r,
  purpose: r.purpose as PaymentPurpose,
  status: r.status as PaymentStatus,
  gateway: r.gateway as GatewayName,
  intent: (r.intent ?? {}) as Record<string, unknown>,
});

const one = async (q: Promise<Row[]>) => {
  const [row] = await q;
  return row ? toPayment(row) : null;
};

export function paymentStore(db: Db): PaymentStore {
  /** Payments newest first, with their document and institution. */
  const history = async (where: SQL, limit: number, offset: number): Promise<PaymentHistoryItem[]> => {
    const rows = await db
      .select({
        p: payments,
        title: documents.title,
        slug: institutions.slug,
        nameFr: institutions.nameFr,
        nameEn: institutions.nameEn,
      })
      .from(payments)
      .innerJoin(documents, eq(documents.id, payments.documentId))
      .innerJoin(institutions, eq(institutions.id, payments.institutionId))
      .where(where)
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .limit(limit)
      .offset(offset);
    return rows.map(({ p, ...r }) => ({
      id: p.id,
      purpose: p.purpose as PaymentPurpose,
      status: p.status as PaymentStatus,
      amountCents: p.amountCents,
      currency: p.currency,
      receiptNumber: p.receiptNumber,
      document: { id: p.documentId, title: r.title },
      institution: { slug: r.slug, nameFr: r.nameFr, nameEn: r.nameEn },
      createdAt: p.createdAt.toISOString(),
      expiresAt: p.expiresAt.toISOString(),
      paidAt: p.paidAt?.toISOString() ?? null,
      refundedAt: p.refundedAt?.toISOString() ?? null,
    }));
  };

  return {
    async create(input, now) {
      const [row] = await db
        .insert(payments)
        .values({ ...input, status: "pending", createdAt: now })
        .returning();
      if (!row) throw new Error("the payment was not stored");
      return toPayment(row);
    },
    async setSession(id, sessionId) {
      await db.update(payments).set({ gatewaySessionId: sessionId }).where(eq(payments.id, id));
    },
    async claimOpenUnlock(input, now) {
      const mine = and(
        eq(payments.userId, input.userId),
        eq(payments.documentId, input.documentId),
        eq(payments.purpose, "unlock"),
        eq(payments.status, "pending"),
      );
      for (let attempt = 0; attempt < 3; attempt++) {
        // A checkout past its expiry (or on a gateway no longer configured) no longer holds the place.
        await db
          .update(payments)
          .set({ status: "expired" })
          .where(and(mine, or(lte(payments.expiresAt, now), ne(payments.gateway, input.gateway))));
        // payments_open_unlock_idx: of two concurrent inserts, one waits for the other and then does nothing.
        const [created] = await db
          .insert(payments)
          .values({ ...input, purpose: "unlock", status: "pending", createdAt: now })
          .onConflictDoNothing()
          .returning();
        if (created) return { payment: toPayment(created), created: true };
        const open = await one(db.select().from(payments).where(mine).limit(1));
        if (open) return { payment: open, created: false };
      }
      throw new Error("no open unlock payment could be claimed");
    },
    async setSessionOnce(id, sessionId) {
      await db
        .update(payments)
        .set({ gatewaySessionId: sessionId })
        .where(and(eq(payments.id, id), isNull(payments.gatewaySessionId)));
      const [row] = await db
        .select({ sessionId: payments.gatewaySessionId })
        .from(payments)
        .where(eq(payments.id, id));
      return row?.sessionId ?? null;
    },
    async markFailedWithoutSession(id) {
      const rows = await db
        .update(payments)
        .set({ status: "failed" })
        .where(and(eq(payments.id, id), eq(payments.status, "pending"), isNull(payments.gatewaySessionId)))
        .returning({ id: payments.id });
      return rows.length === 1;
    },
    async setIntent(id, intent) {
      await db.update(payments).set({ intent }).where(eq(payments.id, id));
    },
    async takeIntentKey(id, userId, key) {
      // One statement: the value is read and erased together, so two requests cannot both get it.
      const result = await db.execute(sql`
        update ${payments} p set intent = p.intent - ${key}
        from (select id, intent ->> ${key} as value from ${payments}
              where id = ${id} and user_id = ${userId} for update) old
        where p.id = old.id
        returning old.value`);
      const [row] = (result as unknown as { rows: { value: string | null }[] }).rows;
      return row?.value ?? null;
    },
    findById: (id) => one(db.select().from(payments).where(eq(payments.id, id))),
    findBySession: (gateway, sessionId) =>
      one(
        db
          .select()
          .from(payments)
          .where(and(eq(payments.gateway, gateway), eq(payments.gatewaySessionId, sessionId))),
      ),
    findOpen: (userId, documentId, purpose, now) =>
      one(
        db
          .select()
          .from(payments)
          .where(
            and(
              eq(payments.userId, userId),
              eq(payments.documentId, documentId),
              eq(payments.purpose, purpose),
              eq(payments.status, "pending"),
              gt(payments.expiresAt, now),
            ),
          )
          .orderBy(desc(payments.createdAt))
          .limit(1),
      ),
    markPaid: (id, { gatewayPaymentId, receiptNumber, now }) =>
      one(
        db
          .update(payments)
          .set({ status: "paid", paidAt: now, receiptNumber, gatewayPaymentId })
          .where(and(eq(payments.id, id), eq(payments.status, "pending")))
          .returning(),
      ),
    markExpired: (id) =>
      one(
        db
          .update(payments)
          .set({ status: "expired" })
          .where(and(eq(payments.id, id), eq(payments.status, "pending")))
          .returning(),
      ),
    async expireDue(now) {
      const rows = await db
        .update(payments)
        .set({ status: "expired" })
        .where(and(eq(payments.status, "pending"), lte(payments.expiresAt, now)))
        .returning({ id: payments.id });
      return rows.length;
    },
    markRefunded: (id, now) =>
      one(
        db
          .update(payments)
          .set({ status: "refunded", refundedAt: now })
          .where(and(eq(payments.id, id), eq(payments.status, "paid")))
          .returning(),
      ),
    listForUser: (userId) => history(eq(payments.userId, userId), 500, 0),
    listForInstitution: (institutionId, page) =>
      history(eq(payments.institutionId, institutionId), page.limit, page.offset),
    async revenue(institutionId, from, to) {
      const [f, t] = [from.toISOString(), to.toISOString()];
      const inRange = (c: typeof payments.paidAt) =>
        sql<boolean>`(${c} >= ${f}::timestamptz and ${c} < ${t}::timestamptz)`;
      const rows = await db
        .select({
          typeId: documentTypes.id,
          typeFr: documentTypes.nameFr,
          typeEn: documentTypes.nameEn,
          purpose: payments.purpose,
          currency: payments.currency,
          paidCount: sql<number>`count(*) filter (where ${inRange(payments.paidAt)})::int`,
          paidCents: sql<number>`coalesce(sum(${payments.amountCents}) filter (where ${inRange(payments.paidAt)}), 0)::int`,
          refundedCount: sql<number>`count(*) filter (where ${inRange(payments.refundedAt)})::int`,
          refundedCents: sql<number>`coalesce(sum(${payments.amountCents}) filter (where ${inRange(payments.refundedAt)}), 0)::int`,
        })
        .from(payments)
        .innerJoin(documents, eq(documents.id, payments.documentId))
        .leftJoin(documentTypes, eq(documentTypes.id, documents.documentTypeId))
        .where(
          and(
            eq(payments.institutionId, institutionId),
            sql`(${inRange(payments.paidAt)} or ${inRange(payments.refundedAt)})`,
          ),
        )
        .groupBy(
          documentTypes.id,
          documentTypes.nameFr,
          documentTypes.nameEn,
          payments.purpose,
          payments.currency,
        )
        .orderBy(documentTypes.nameFr, payments.purpose, payments.currency);
      return rows.map(
        (r): RevenueLine => ({
          documentType: { id: r.typeId, nameFr: r.typeFr ?? "—", nameEn: r.typeEn ?? "—" },
          purpose: r.purpose as PaymentPurpose,
          currency: r.currency,
          paidCount: Number(r.paidCount),
          paidCents: Number(r.paidCents),
          refundedCount: Number(r.refundedCount),
          refundedCents: Number(r.refundedCents),
        }),
      );
    },
    async recordEvent(eventId, gateway, type, now) {
      const rows = await db
        .insert(paymentEvents)
        .values({ eventId: `${gateway}:${eventId}`, gateway, type, receivedAt: now })
        .onConflictDoNothing()
        .returning({ id: paymentEvents.eventId });
      return rows.length === 1;
    },
  };
}
