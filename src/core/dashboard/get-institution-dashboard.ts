import type { Actor } from "../accounts/actor.ts";
import { findVisibleInstitution } from "../institutions/find-visible-institution.ts";
import type { CoreDeps } from "../ports.ts";
import type { InstitutionDashboard } from "./dashboard.types.ts";

/** Days in the "documents issued per day" series, today (UTC) included. */
export const DASHBOARD_DAYS = 30;
export const DASHBOARD_BATCHES = 5;
export const DASHBOARD_FAILED_EMAILS = 5;

const DAY_MS = 24 * 60 * 60 * 1000;
const utcDay = (date: Date) => date.toISOString().slice(0, 10);

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
  const inst = await findVisibleInstitution(deps.stores, actor, slug, "staff");
  const now = deps.clock.now();
  const to = utcDay(now);
  const from = utcDay(new Date(now.getTime() - (DASHBOARD_DAYS - 1) * DAY_MS));
  const store = deps.stores.dashboard;
  const [documents, invitations, failedEmails, recentBatches, issuedPerDay] = await Promise.all([
    store.documentFigures(inst.id),
    store.invitationFigures(inst.id),
    store.failedEmails(inst.id, DASHBOARD_FAILED_EMAILS),
    store.recentBatches(inst.id, DASHBOARD_BATCHES),
    store.issuedPerDay(inst.id, from, to),
  ]);
  return { documents, invitations, failedEmails, recentBatches, issuedPerDay };
}
