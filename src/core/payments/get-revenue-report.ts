import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { csvLine } from "../csv/csv-cell.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import type { RevenueReport } from "./payments.types.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 366 * 5;

/** [from, to] as whole UTC days (to included); defaults: the last 30 days. */
function period(now: Date, from?: string, to?: string): { from: string; to: string; start: Date; end: Date } {
  const today = now.toISOString().slice(0, 10);
  const toDay = to ?? today;
  const fromDay =
    from ?? new Date(Date.parse(`${toDay}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  const start = new Date(`${fromDay}T00:00:00Z`);
  const end = new Date(Date.parse(`${toDay}T00:00:00Z`) + 86_400_000);
  const bad = (path: string) =>
    new DomainError("validation_failed", {
      issues: [{ path, message: { fr: "Date invalide (AAAA-MM-JJ).", en: "Invalid date (YYYY-MM-DD)." } }],
    });
  if (!DAY.test(fromDay) || Number.isNaN(start.getTime())) throw bad("from");
  if (!DAY.test(toDay) || Number.isNaN(end.getTime())) throw bad("to");
  if (end <= start || end.getTime() - start.getTime() > MAX_DAYS * 86_400_000) throw bad("to");
  return { from: fromDay, to: toDay, start, end };
}

/** An institution's fees received and refunded over a period, by document type and purpose (admins). */
export async function getRevenueReport(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  query: { from?: string; to?: string },
): Promise<RevenueReport> {
  const institution = await requireAccess(deps, actor, "payments.manage", slug);
  const p = period(deps.clock.now(), query.from, query.to);
  const lines = await deps.stores.payments.revenue(institution.id, p.start, p.end);
  return { from: p.from, to: p.to, lines };
}

/** The same report as CSV (amounts in the currency's major unit; cells neutralised); audited. */
export async function exportRevenueReport(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  query: { from?: string; to?: string },
): Promise<{ csv: string; fileName: string }> {
  const report = await getRevenueReport(deps, actor, slug, query);
  const institution = await requireAccess(deps, actor, "payments.manage", slug);
  const money = (cents: number) => (cents / 100).toFixed(2);
  const lines = [
    csvLine([
      "document_type_fr",
      "document_type_en",
      "purpose",
      "currency",
      "paid_count",
      "paid_amount",
      "refunded_count",
      "refunded_amount",
      "net_amount",
    ]),
    ...report.lines.map((l) =>
      csvLine([
        l.documentType.nameFr,
        l.documentType.nameEn,
        l.purpose,
        l.currency,
        l.paidCount,
        money(l.paidCents),
        l.refundedCount,
        money(l.refundedCents),
        money(l.paidCents - l.refundedCents),
      ]),
    ),
  ];
  await deps.transact((stores) =>
    recordAudit(deps, stores, byActor(actor), {
      institutionId: institution.id,
      action: "payment.revenue_exported",
      targetType: "institution",
      targetId: institution.id,
      details: { from: report.from, to: report.to, rows: report.lines.length },
    }),
  );
  return { csv: `${lines.join("\r\n")}\r\n`, fileName: `revenue-${slug}-${report.from}-${report.to}.csv` };
}
