import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { describeDocument } from "./describe-document.ts";
import { normalizeRevocationReason } from "./document-rules.ts";
import { documentStatusEmail, learnerMailAddress } from "./document-status-email.ts";
import type { DocumentDetail } from "./documents.types.ts";
import { findStaffDocument } from "./find-staff-document.ts";

/**
 * Revokes an active document with a reason (staff). Verification then reports it revoked with the
 * date and reason; the audit trail records it and the learner is emailed, all in one transaction.
 */
export async function revokeDocument(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  id: string,
  input: { reason: string },
): Promise<DocumentDetail> {
  const { institution, document } = await findStaffDocument(deps, actor, "documents.revoke", slug, id);
  const reason = normalizeRevocationReason(input.reason);
  if (document.status !== "active") throw new DomainError("document_not_active");
  const now = deps.clock.now();
  const revoked = await deps.transact(async (stores) => {
    // Only an active row is updated: a concurrent revocation or replacement wins, this one fails.
    const revoked = await stores.documents.revoke(institution.id, id, { reason, now });
    if (!revoked) throw new DomainError("document_not_active");
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: institution.id,
      action: "document.revoked",
      targetType: "document",
      targetId: id,
      details: { title: revoked.title, reason },
    });
    const learner = revoked.learnerId
      ? await stores.learners.findById(institution.id, revoked.learnerId)
      : null;
    const to = learner && learnerMailAddress(learner);
    if (learner && to) {
      const message = documentStatusEmail({
        to,
        learner,
        institution,
        document: revoked,
        change: { kind: "revoked", reason, at: now },
        publicUrl: deps.settings.publicUrl,
      });
      await stores.jobs.enqueue({ queue: "mail", payload: { message, institutionId: institution.id } }, now);
    }
    return revoked;
  });
  // Shares of it now say "revoked" at once in this process (other processes hear the database).
  deps.shareCache.forget();
  return describeDocument(deps.stores, revoked);
}
