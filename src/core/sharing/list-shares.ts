import { can } from "../access/can.ts";
import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps, Stores } from "../ports.ts";
import { extendableUntil, shareStatus } from "./share-rules.ts";
import type { ShareRecord } from "./sharing.ports.ts";
import type { ShareSummary } from "./sharing.types.ts";

const HISTORY_LIMIT = 200;
const EVENTS_PER_SHARE = 100;

/** Shares as the learner's history shows them: three queries whatever their number. */
export async function summarizeShares(
  stores: Stores,
  records: ShareRecord[],
  now: Date,
): Promise<ShareSummary[]> {
  const ids = records.map((r) => r.id);
  const [docs, events] = await Promise.all([
    stores.shares.documentsOf(ids),
    stores.shares.eventsOf(ids, EVENTS_PER_SHARE),
  ]);
  const orgIds = new Set([
    ...records.flatMap((r) => (r.organizationId ? [r.organizationId] : [])),
    ...events.flatMap((e) => (e.organizationId ? [e.organizationId] : [])),
  ]);
  const orgs = new Map((await stores.organizations.listByIds([...orgIds])).map((o) => [o.id, o]));
  const orgRef = (id: string | null) => {
    const o = id ? orgs.get(id) : undefined;
    return o ? { id: o.id, nameFr: o.nameFr, nameEn: o.nameEn } : null;
  };
  return records.map((r) => ({
    id: r.id,
    channel: r.channel,
    status: shareStatus(r, now),
    recipientEmail: r.recipientEmail,
    organization: orgRef(r.organizationId),
    hasPasscode: r.passcodeHash !== null,
    maxViews: r.maxViews,
    viewCount: r.viewCount,
    downloadCount: r.downloadCount,
    downloadAllowed: r.downloadAllowed,
    notifyOnFirstView: r.notifyOnFirstView,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    revokedAt: r.revokedAt?.toISOString() ?? null,
    lockedUntil: shareStatus(r, now) === "locked" ? (r.lockedUntil?.toISOString() ?? null) : null,
    extendableUntil: extendableUntil(r).toISOString(),
    documents: docs.filter((d) => d.shareId === r.id).map((d) => ({ id: d.id, title: d.title })),
    events: events
      .filter((e) => e.shareId === r.id)
      .map((e) => {
        const org = orgRef(e.organizationId);
        return {
          kind: e.kind,
          documentId: e.documentId,
          organization: org ? { nameFr: org.nameFr, nameEn: org.nameEn } : null,
          createdAt: e.createdAt.toISOString(),
        };
      }),
  }));
}

/** The signed-in learner's shares, newest first, each with its documents and events. */
export async function listShares(deps: CoreDeps, actor: Actor): Promise<ShareSummary[]> {
  if (!can(actor, "account.self")) return [];
  // Views batched by this process are written first, so the history shows every one of them.
  await deps.shareViews.flush();
  const records = await deps.stores.shares.listForUser(actor.user.id, HISTORY_LIMIT);
  return summarizeShares(deps.stores, records, deps.clock.now());
}
