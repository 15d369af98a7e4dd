import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { DomainError, type FieldIssue } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";
import { addDays, MAX_SHARE_DAYS } from "./share-rules.ts";
import type { ShareableDocument } from "./sharing.ports.ts";
import type { ShareInput, ShareQuote } from "./sharing.types.ts";

/** A share the learner may create, once paid for when it has a price (payments.intent keeps `input`). */
export interface SharePlan {
  userId: string;
  input: Required<Omit<ShareInput, "passcode">> & { passcode: string | null };
  documents: ShareableDocument[];
  lifetimeDays: number;
  quote: ShareQuote;
}

const issue = (path: string, fr: string, en: string): FieldIssue => ({ path, message: { fr, en } });

/**
 * Checks a share request against the learner's own documents: every document theirs (else
 * not_found, whoever's it is), active (document_not_active), the channel's fields present. Does
 * not write anything.
 */
export async function prepareShare(deps: CoreDeps, actor: Actor, raw: ShareInput): Promise<SharePlan> {
  await requireAccess(deps, actor, "account.self");
  const ids = [...new Set(raw.documentIds.map((id) => id.toLowerCase()))];
  const docs = await deps.stores.shares.ownedDocuments(actor.user.id, ids);
  if (ids.length === 0 || docs.length !== ids.length) throw new DomainError("not_found");
  if (docs.some((d) => d.status !== "active")) throw new DomainError("document_not_active");

  const c = raw.channel;
  const recipientEmail = raw.recipientEmail?.trim() || null;
  const issues: FieldIssue[] = [];
  if (c === "email" && !recipientEmail)
    issues.push(
      issue("recipientEmail", "Indiquez l'adresse du destinataire.", "Enter the recipient's address."),
    );
  if ((c === "public" || c === "organization") && recipientEmail)
    issues.push(
      issue("recipientEmail", "Ce canal n'a pas de destinataire.", "This channel has no recipient."),
    );
  if (c === "organization" && !raw.organizationId)
    issues.push(issue("organizationId", "Choisissez une organisation.", "Choose an organization."));
  if (c !== "organization" && raw.organizationId)
    issues.push(
      issue(
        "organizationId",
        "Seul le partage avec une organisation en a un.",
        "Only an organization share has one.",
      ),
    );
  if (c !== "link" && (raw.passcode || raw.maxViews))
    issues.push(
      issue(
        "passcode",
        "Le code d'accès et la limite de consultations sont pour les liens.",
        "A passcode and a view limit are for links.",
      ),
    );
  if (issues.length > 0) throw new DomainError("validation_failed", { issues });
  if (c === "organization") {
    const org = await deps.stores.organizations.findById(raw.organizationId ?? "");
    if (!org || org.archivedAt) throw new DomainError("not_found");
  }

  const typeDays = Math.min(...docs.map((d) => d.type?.defaultShareDays ?? 90));
  const lifetimeDays = Math.min(MAX_SHARE_DAYS, raw.lifetimeDays ?? typeDays);
  const items = docs.flatMap((d) =>
    d.type && d.type.shareFeeCents > 0
      ? [
          {
            documentId: d.id,
            institutionId: d.institutionId,
            amountCents: d.type.shareFeeCents,
            currency: d.type.currency,
          },
        ]
      : [],
  );
  return {
    userId: actor.user.id,
    documents: docs,
    lifetimeDays,
    quote: {
      amountCents: items.reduce((sum, i) => sum + i.amountCents, 0),
      currency: items[0]?.currency ?? null,
      items,
    },
    input: {
      channel: c,
      documentIds: ids,
      recipientEmail,
      message: c === "email" ? raw.message?.trim() || null : null,
      organizationId: raw.organizationId ?? null,
      lifetimeDays,
      passcode: c === "link" ? raw.passcode || null : null,
      maxViews: c === "link" ? (raw.maxViews ?? null) : null,
      downloadAllowed: raw.downloadAllowed ?? true,
      notifyOnFirstView: c === "organization" ? false : (raw.notifyOnFirstView ?? false),
    },
  };
}

/** When a share made now with this plan would expire. */
export const planExpiry = (plan: SharePlan, now: Date) => addDays(now, plan.lifetimeDays);
