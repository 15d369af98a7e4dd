import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps, MailMessage } from "../ports.ts";
import { QUEUES } from "./queues.ts";

/**
 * Puts an institution's email that failed for good (a bounce, or out of attempts) back in the
 * queue, for its staff, e.g. once the learner's address is corrected. Audited. Another
 * institution's, or one that did not fail: not_found.
 */
export async function resendFailedMail(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  jobId: string,
): Promise<void> {
  const institution = await requireAccess(deps, actor, "learners.manage", slug);
  await deps.transact(async (stores) => {
    const job = await stores.jobs.findById(jobId);
    if (!job || job.queue !== QUEUES.mail || job.payload.institutionId !== institution.id)
      throw new DomainError("not_found");
    if (!(await stores.jobs.retry(job.id, deps.clock.now()))) throw new DomainError("not_found");
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: institution.id,
      action: "mail.resent",
      targetType: "mail",
      targetId: job.id,
      details: { to: (job.payload.message as MailMessage | undefined)?.to ?? null, error: job.lastError },
    });
  });
}
