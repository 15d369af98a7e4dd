import { type AuditWho, recordAudit } from "../audit/record-audit.ts";
import type { CoreDeps } from "../ports.ts";
import { portalTrustAnchors } from "../verification/verify-document.ts";

const DAY_MS = 86_400_000;
/** Renew an archive timestamp this long before its certificate expires, by default (ARCHIVE_RENEW_MARGIN_DAYS). */
export const DEFAULT_ARCHIVE_MARGIN_DAYS = 365;

/** What a renewal run did. */
export interface ArchiveRenewalReport {
  /** Documents whose archive timestamp was due. */
  due: number;
  renewed: { id: string; archiveUntil: string }[];
  failed: { id: string; reason: string }[];
}

/**
 * PAdES B-LTA maintenance: each document whose newest archive timestamp expires within
 * `marginDays` gets, as two incremental updates, the validation data of that timestamp (fresh
 * OCSP answers or CRLs for its TSA's chain) and a new document timestamp from its institution's
 * timestamp authority over the whole file, so the chain of archive timestamps goes on. The new
 * file replaces the stored one; the earlier file stays "the document issued" for whoever holds it.
 * At most `limit` documents per run, soonest expiry first; a document that fails is reported and
 * left as it was. `dryRun` only lists what is due.
 */
export async function renewArchiveTimestamps(
  deps: CoreDeps,
  options: { marginDays?: number; limit?: number; dryRun?: boolean; who: AuditWho },
): Promise<ArchiveRenewalReport> {
  const now = deps.clock.now();
  const before = new Date(now.getTime() + (options.marginDays ?? DEFAULT_ARCHIVE_MARGIN_DAYS) * DAY_MS);
  const due = await deps.stores.archive.listDue(before, options.limit ?? 200);
  const report: ArchiveRenewalReport = { due: due.length, renewed: [], failed: [] };
  if (options.dryRun || due.length === 0) return report;
  const anchors = await portalTrustAnchors(deps);
  const institutions = new Map<string, string | null>();
  for (const doc of due) {
    try {
      if (!institutions.has(doc.institutionId))
        institutions.set(
          doc.institutionId,
          (await deps.stores.institutions.findById(doc.institutionId))?.tsaUrl ?? null,
        );
      const tsaUrl = institutions.get(doc.institutionId);
      if (!tsaUrl) throw new Error("the institution has no timestamp authority any more");
      const current = await deps.blobs.get(doc.institutionId, doc.sha256);
      const withData = await deps.ltv.addValidationData(current, anchors, now);
      const { bytes: renewed, archiveUntil } = await deps.ltv.addArchiveTimestamp(
        withData,
        tsaUrl,
        anchors,
        now,
      );
      if (archiveUntil <= doc.archiveUntil)
        throw new Error(
          "the timestamp authority's certificate expires no later than the current archive timestamp's: renew the TSA's certificate first",
        );
      const sha256 = await deps.blobs.put(doc.institutionId, renewed);
      const to = { sha256, byteSize: renewed.byteLength, archiveUntil };
      const done = await deps.transact(async (stores) => {
        if (!(await stores.archive.renew(doc.id, doc, to, now))) return false;
        await recordAudit(deps, stores, options.who, {
          institutionId: doc.institutionId,
          action: "document.archive_renewed",
          targetType: "document",
          targetId: doc.id,
          details: { previousSha256: doc.sha256, sha256, archiveUntil: archiveUntil.toISOString() },
        });
        return true;
      });
      if (done) report.renewed.push({ id: doc.id, archiveUntil: archiveUntil.toISOString() });
      else report.failed.push({ id: doc.id, reason: "the document changed during the renewal" });
    } catch (e) {
      report.failed.push({ id: doc.id, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return report;
}
