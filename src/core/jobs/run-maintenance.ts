import { IDEMPOTENCY_TTL_MS } from "../api-keys/api-key-rules.ts";
import type { CoreDeps } from "../ports.ts";
import { renewArchiveTimestamps } from "../signing/renew-archive-timestamps.ts";
import type { JobHandler } from "./job-handler.ts";
import { QUEUES } from "./queues.ts";

/** How often the periodic maintenance runs. */
export const MAINTENANCE_EVERY_MS = 5 * 60 * 1000;

const DAY_MS = 24 * 3600 * 1000;
/** Jobs done are kept a week (to look into what ran), then deleted. */
export const DONE_JOB_RETENTION_MS = 7 * DAY_MS;
/** Jobs failed for good are kept 30 days: the dashboard offers to resend a failed email until then. */
export const FAILED_JOB_RETENTION_MS = 30 * DAY_MS;
/** At most this many archive timestamps are renewed per run. */
const ARCHIVE_RENEWALS_PER_RUN = 50;
/** The maintenance job, in the audit trail. */
const BY_MAINTENANCE = { actorUserId: null, actorLabel: "maintenance", ip: null };
/** At most this many jobs are deleted per run (a backlog goes in steps of five minutes). */
const PURGE_LIMIT = 10_000;

/**
 * Queues the maintenance of the slot that holds `at`. The singleton key names the slot, so
 * several workers (or restarts) queue each slot once while it is unfinished, and a running
 * job can queue the next slot (a key shared with itself would be refused while it is active).
 */
export async function scheduleMaintenance(deps: CoreDeps, at: Date): Promise<void> {
  const slot = Math.floor(at.getTime() / MAINTENANCE_EVERY_MS);
  await deps.stores.jobs.enqueue(
    {
      queue: QUEUES.maintenance,
      payload: {},
      singletonKey: `maintenance:${slot}`,
      runAt: at,
      maxAttempts: 3,
    },
    deps.clock.now(),
  );
}

/**
 * The periodic maintenance: abandoned checkouts become expired (never paid nor unlocked: only
 * pending payments past their expiry change); expired sign-on transactions, seen SAML assertions
 * whose window has closed and stale idempotency records are dropped; jobs done more than 7 days ago
 * and jobs failed more than 30 days ago are deleted; B-LTA archive timestamps due are renewed. It queues the next run first, so a failure
 * never ends the cycle.
 */
export const runMaintenance: JobHandler = async (deps) => {
  const now = deps.clock.now();
  const next = (Math.floor(now.getTime() / MAINTENANCE_EVERY_MS) + 1) * MAINTENANCE_EVERY_MS;
  await scheduleMaintenance(deps, new Date(next));
  await deps.stores.payments.expireDue(now);
  await deps.stores.ssoTransactions.purgeExpired(now);
  await deps.stores.idempotency.purge(new Date(now.getTime() - IDEMPOTENCY_TTL_MS));
  await deps.stores.samlReplay.purgeExpired(now);
  // B-LTA documents whose archive timestamp nears its certificate's expiry (a few each run).
  await renewArchiveTimestamps(deps, {
    marginDays: deps.settings.archiveRenewMarginDays,
    limit: ARCHIVE_RENEWALS_PER_RUN,
    who: BY_MAINTENANCE,
  });
  await deps.stores.jobs.purgeFinished({
    doneBefore: new Date(now.getTime() - DONE_JOB_RETENTION_MS),
    failedBefore: new Date(now.getTime() - FAILED_JOB_RETENTION_MS),
    limit: PURGE_LIMIT,
  });
};
