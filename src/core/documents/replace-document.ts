import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { isoDay } from "../dates/calendar-date.ts";
import { DomainError } from "../errors.ts";
import { issueDocument } from "../issuance/issue-document.ts";
import type { CoreDeps } from "../ports.ts";

import { describeDocument } from "./describe-document.ts";
import { replacementFields } from "./document-rules.ts";
import { documentStatusEmail, learnerMailAddress } from "./document-status-email.ts";
import type { DocumentDetail } from "./documents.types.ts";
import { findStaffDocument } from "./find-staff-document.ts";

/**
 * Replaces an active document with a corrected file (staff): issues a new document to the same
 * learner, of the same type, with the old one's title and issue date unless new ones are given;
 * the old one becomes "superseded by" the new one in the issuing transaction. The audit trail
 * records the replacement and the learner gets an email that explains it. (issueDocument also
 * queues its usual "new document" mail; it should skip it when it supersedes, so that the
 * learner reads one email.)
 */
export async function replaceDocument(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  id: string,
  input: { pdf: Uint8Array; title?: string | null; issueDate?: string | null },
): Promise<DocumentDetail> {
  const { institution, document: old } = await findStaffDocument(deps, actor, "documents.revoke", slug, id);
  const fields = replacementFields(input);
  if (old.status !== "active") throw new DomainError("document_not_active");
  if (!old.learnerId || !old.documentTypeId) throw new DomainError("document_not_replaceable");
  const who = byActor(actor);
  const { document } = await issueDocument(deps, who, institution, {
    learnerId: old.learnerId,
    documentTypeId: old.documentTypeId,
    title: fields.title ?? old.title,
    issueDate: fields.issueDate ?? old.issueDate ?? isoDay(deps.clock.now()),
    // The external id stays with the old document (it is unique in the institution).
    externalId: null,
    pdf: input.pdf,
    supersedes: old.id,
  });
  const now = deps.clock.now();
  await deps.transact(async (stores) => {
    await recordAudit(deps, stores, who, {
      institutionId: institution.id,
      action: "document.replaced",
      targetType: "document",
      targetId: old.id,
      details: { title: old.title, replacedBy: document.id, newTitle: document.title },
    });
    const learner = await stores.learners.findById(institution.id, document.learnerId ?? old.learnerId ?? "");
    const to = learner && learnerMailAddress(learner);
    if (learner && to) {
      const message = documentStatusEmail({
        to,
        learner,
        institution,
        document: old,
        change: { kind: "replaced", replacement: document },
        publicUrl: deps.settings.publicUrl,
      });
      await stores.jobs.enqueue({ queue: "mail", payload: { message, institutionId: institution.id } }, now);
    }
  });
  // Shares of the old document now point to the new one at once in this process.
  deps.shareCache.forget();
  return describeDocument(deps.stores, document);
}
