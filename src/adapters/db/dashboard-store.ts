import { sql } from "drizzle-orm";
import type { DashboardStore } from "../../core/dashboard/dashboard.ports.ts";
import type { FailedEmail, InvitationFigures } from "../../core/dashboard/dashboard.types.ts";
import type { Db } from "./open-database.ts";
import { documents, jobs, learnerInvitations, learners } from "./schema.ts";

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown): T[] => (result as Rows<T>).rows;
/** node-postgres and PGlite both give Date for timestamptz; accept a string too. */
const iso = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string | Date).toISOString();
const num = (value: unknown): number => Number(value ?? 0);

/**
 * Aggregate queries for the institution overview. Each figure is one statement over an index on
 * institution_id (documents_institution_idx, learner_invitations_institution_idx,
 * batches_institution_idx, batch_items_status_idx, jobs_ready_idx): fine with 100,000 documents.
 */
export function dashboardStore(db: Db): DashboardStore {
  return {
    async documentFigures(institutionId) {
      const [row] = rowsOf<Record<string, unknown>>(
        await db.execute(sql`
          select count(*)::int as issued,
            count(*) filter (where ${documents.status} = 'active')::int as active,
            count(*) filter (where ${documents.status} = 'revoked')::int as revoked,
            count(*) filter (where ${documents.status} = 'superseded')::int as superseded,
            count(${learners.userId})::int as claimed
          from ${documents}
          left join ${learners} on ${learners.id} = ${documents.learnerId}
          where ${documents.institutionId} = ${institutionId}`),
      );
      return {
        issued: num(row?.issued),
        active: num(row?.active),
        revoked: num(row?.revoked),
        superseded: num(row?.superseded),
        claimed: num(row?.claimed),
      };
    },

    async invitationFigures(institutionId) {
      const rows = rowsOf<{ status: string; n: number }>(
        await db.execute(sql`
          select ${learnerInvitations.status} as status, count(*)::int as n
          from ${learnerInvitations}
          where ${learnerInvitations.institutionId} = ${institutionId}
          group by ${learnerInvitations.status}`),
      );
      const figures: InvitationFigures = { pending: 0, sent: 0, failed: 0, claimed: 0 };
      for (const r of rows) {
        if (r.status === "queued") figures.pending = num(r.n);
        else if (r.status === "sent" || r.status === "failed" || r.status === "claimed")
          figures[r.status] = num(r.n);
      }
      return figures;
    },

    async failedEmails(institutionId, limit) {
      // The window count is taken before LIMIT: the total and the latest rows in one statement.
      const rows = rowsOf<Record<string, unknown>>(
        await db.execute(sql`
          select ${jobs.id} as id, ${jobs.payload} -> 'message' ->> 'to' as "to",
            ${jobs.lastError} as error, ${jobs.finishedAt} as failed_at, count(*) over ()::int as total
          from ${jobs}
          where ${jobs.queue} = 'mail' and ${jobs.state} = 'failed'
            and ${jobs.payload} ->> 'institutionId' = ${institutionId}
          order by ${jobs.finishedAt} desc nulls last, ${jobs.id}
          limit ${limit}`),
      );
      const latest: FailedEmail[] = rows.map((r) => ({
        id: String(r.id),
        to: typeof r.to === "string" ? r.to : null,
        error: typeof r.error === "string" ? r.error : null,
        failedAt: iso(r.failed_at),
      }));
      return { total: num(rows[0]?.total), latest };
    },

    async issuedPerDay(institutionId, from, to) {
      // Integer offsets added to a date stay dates: no session time zone gets involved.
      const rows = rowsOf<{ day: string; n: number }>(
        await db.execute(sql`
          with per_day as (
            select (${documents.createdAt} at time zone 'UTC')::date as day, count(*)::int as n
            from ${documents}
            where ${documents.institutionId} = ${institutionId}
              and ${documents.createdAt} >= (${from}::date)::timestamp at time zone 'UTC'
              and ${documents.createdAt} < ((${to}::date) + 1)::timestamp at time zone 'UTC'
            group by 1
          )
          select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(p.n, 0)::int as n
          from (
            select ${from}::date + g.i as day
            from generate_series(0, ${to}::date - ${from}::date) as g(i)
          ) d
          left join per_day p on p.day = d.day
          order by d.day`),
      );
      return rows.map((r) => ({ date: r.day, count: num(r.n) }));
    },
  };
}
