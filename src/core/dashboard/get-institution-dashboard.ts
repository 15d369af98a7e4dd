import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { isoDay } from "../dates/calendar-date.ts";
import type { Batch } from "../issuance/issuance.types.ts";
import { presentBatch } from "../issuance/present-batch.ts";
import type { CoreDeps } from "../ports.ts";
import type { InstitutionDashboard } from "./dashboard.types.ts";

/** Days in the "documents issued per day" series, today (UTC) included. */
export const DASHBOARD_DAYS = 30;
export const DASHBOARD_BATCHES = 5;
export const DASHBOARD_FAILED_EMAILS = 5;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An institution's overview for its staff (and the operator): documents issued and claimed,
 * learner invitations, emails that could not be sent, the latest batches and a daily series.
 * Anyone else gets not_found.
 */
export async function getInstitutionDashboard(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
): Promise<InstitutionDashboard> {
  const inst = await requireAccess(deps, actor, "institution.read", slug);
  const now = deps.clock.now();
  const to = isoDay(now);
  const from = isoDay(new Date(now.getTime() - (DASHBOARD_DAYS - 1) * DAY_MS));
  const store = deps.stores.dashboard;
  const [documents, invitations, failedEmails, recentBatches, issuedPerDay] = await Promise.all([
    store.documentFigures(inst.id),
    store.invitationFigures(inst.id),
    store.failedEmails(inst.id, DASHBOARD_FAILED_EMAILS),
    latestBatches(deps, inst.id),
    store.issuedPerDay(inst.id, from, to),
  ]);
  return { documents, invitations, failedEmails, recentBatches, issuedPerDay };
}

async function latestBatches(deps: CoreDeps, institutionId: string): Promise<Batch[]> {
  const batches = await deps.stores.batches.list(institutionId, DASHBOARD_BATCHES);
  const counts = await deps.stores.batches.counts(batches.map((b) => b.id));
  return batches.map((b) =>
    presentBatch(b, counts.get(b.id) ?? { pending: 0, issued: 0, skipped: 0, failed: 0 }),
  );
}
