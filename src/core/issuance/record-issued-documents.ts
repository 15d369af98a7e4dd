import type { AuditWho } from "../audit/record-audit.ts";
import type { NewJob } from "../jobs/jobs.ports.ts";
import { QUEUES } from "../jobs/queues.ts";
import type { CoreDeps, Stores } from "../ports.ts";
import type { NewIssuedDocument } from "./issuance.ports.ts";

/**
 * The write half of issuing, inside the caller's transaction: inserts the documents whose
 * external id is new (returns their ids), records each in the audit trail, and queues the mail:
 * one invitation for a learner's first document ever (the unique invitation row makes it exactly
 * one), a "new document" email for a learner already invited.
 */
export async function recordIssuedDocuments(
  deps: Pick<CoreDeps, "clock">,
  stores: Stores,
  who: AuditWho,
  options: { notify: boolean },
  docs: NewIssuedDocument[],
): Promise<Set<string>> {
  if (docs.length === 0) return new Set();
  const now = deps.clock.now();
  const institutionId = docs[0]?.institutionId as string;
  const inserted = await stores.issuance.insertDocuments(docs);
  const issued = docs.filter((d) => inserted.has(d.id));
  if (issued.length === 0) return inserted;

  const byLearner = new Map<string, string[]>();
  for (const d of issued) byLearner.set(d.learnerId, [...(byLearner.get(d.learnerId) ?? []), d.id]);
  const learnerIds = [...byLearner.keys()];
  const invited = await stores.learnerInvitations.ensure(institutionId, learnerIds, now);
  const jobs: NewJob[] = invited.map((inv) => ({
    queue: QUEUES.inviteLearner,
    payload: { invitationId: inv.id },
    singletonKey: `invite:${inv.id}`,
  }));
  const invitedNow = new Set(invited.map((inv) => inv.learnerId));
  const earlier = await stores.learnerInvitations.findByLearners(
    learnerIds.filter((id) => !invitedNow.has(id)),
  );
  for (const inv of options.notify ? earlier : []) {
    // Still queued: that invitation will cover this document too.
    if (inv.status === "queued") continue;
    jobs.push({
      queue: QUEUES.newDocuments,
      payload: { institutionId, learnerId: inv.learnerId, documentIds: byLearner.get(inv.learnerId) ?? [] },
    });
  }
  await stores.jobs.enqueueMany(jobs, now);

  await stores.audit.appendMany(
    issued.map((d) => ({
      ...who,
      institutionId,
      action: "document.issued" as const,
      targetType: "document",
      targetId: d.id,
      details: {
        title: d.title,
        learnerId: d.learnerId,
        externalId: d.externalId,
        batchId: d.batchId,
        sha256: d.sha256,
      },
    })),
    now,
  );
  return inserted;
}
