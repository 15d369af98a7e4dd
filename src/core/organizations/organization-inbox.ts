import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { checkStoredFile } from "../documents/check-stored-file.ts";
import { getDocumentVerification } from "../documents/get-document-verification.ts";
import { DomainError } from "../errors.ts";
import { foldText } from "../learners/learner-rules.ts";
import type { CoreDeps } from "../ports.ts";
import type { InboxRecord } from "./organizations.ports.ts";
import type { InboxFilter, InboxItem, InboxShare } from "./organizations.types.ts";

const DAY_MS = 86_400_000;

/** Received shares checked at once: a cold first look at a long inbox verifies a few files at a time. */
const CHECKS_AT_ONCE = 4;

/**
 * A received share as its staff see it: each document with the verdict of the stored file they
 * would retrieve (checkStoredFile, cached by SHA-256 and registry status), while it is available.
 */
async function inboxItem(deps: CoreDeps, r: InboxRecord, now: Date): Promise<InboxItem> {
  const available = !r.revokedAt && r.expiresAt > now;
  return {
    shareId: r.shareId,
    learnerName: r.learnerName,
    message: r.message,
    receivedAt: r.receivedAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    available,
    downloadAllowed: r.downloadAllowed,
    processedAt: r.processedAt?.toISOString() ?? null,
    processedBy: r.processedBy,
    documents: await Promise.all(
      r.documents.map(async ({ file, ...d }) => ({
        ...d,
        check: available ? await checkStoredFile(deps, file) : null,
      })),
    ),
  };
}

async function inboxItems(deps: CoreDeps, records: InboxRecord[], now: Date): Promise<InboxItem[]> {
  const items: InboxItem[] = [];
  for (let i = 0; i < records.length; i += CHECKS_AT_ONCE)
    items.push(
      ...(await Promise.all(records.slice(i, i + CHECKS_AT_ONCE).map((r) => inboxItem(deps, r, now)))),
    );
  return items;
}

/** The shares the organization received, newest first, for its admins and reviewers only. */
export async function listInbox(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  filter: InboxFilter,
): Promise<InboxItem[]> {
  const org = await requireAccess(deps, actor, "organization.inbox", slug);
  const records = await deps.stores.organizationInbox.list(org.id, {
    q: foldText((filter.q ?? "").trim()),
    processed: filter.processed,
    receivedFrom: filter.receivedFrom ? new Date(`${filter.receivedFrom}T00:00:00Z`) : undefined,
    receivedBefore: filter.receivedTo
      ? new Date(Date.parse(`${filter.receivedTo}T00:00:00Z`) + DAY_MS)
      : undefined,
    limit: 200,
  });
  return inboxItems(deps, records, deps.clock.now());
}

async function findInboxRecord(deps: CoreDeps, actor: Actor, slug: string, shareId: string) {
  const org = await requireAccess(deps, actor, "organization.inbox", slug);
  const record = await deps.stores.organizationInbox.find(org.id, shareId);
  if (!record) throw new DomainError("not_found");
  return { org, record };
}

/**
 * One received share with, for each document, its registry record and the verdict of the stored
 * signed file the organization would retrieve (checkStoredFile: the very bytes, verified, then
 * compared with the record).
 */
export async function openInboxShare(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  shareId: string,
): Promise<InboxShare> {
  const { record } = await findInboxRecord(deps, actor, slug, shareId);
  const item = await inboxItem(deps, record, deps.clock.now());
  const verifications = item.available
    ? await Promise.all(
        // The same checks as the item's (from the cache, just filled).
        record.documents.map(async (d) => ({
          ...(await getDocumentVerification(deps, d.id)),
          check: await checkStoredFile(deps, d.file),
        })),
      )
    : [];
  return { ...item, verifications };
}

/** Marks a received share processed (by the actor, now) or back to unprocessed. */
export async function setInboxProcessed(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  shareId: string,
  processed: boolean,
): Promise<InboxItem> {
  const { org } = await findInboxRecord(deps, actor, slug, shareId);
  const now = deps.clock.now();
  await deps.stores.organizationInbox.setProcessed(
    org.id,
    shareId,
    processed ? actor.user.id : null,
    processed ? now : null,
  );
  const updated = await deps.stores.organizationInbox.find(org.id, shareId);
  if (!updated) throw new DomainError("not_found");
  return inboxItem(deps, updated, now);
}
