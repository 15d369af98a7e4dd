import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { ArchiveEntry } from "../issuance/issuance.ports.ts";
import type { CoreDeps } from "../ports.ts";

/** The archive is built in memory: past this many bytes of documents, the export is refused. */
export const EXPORT_MAX_BYTES = 200 * 1024 * 1024;

/**
 * "Download my data": a ZIP with sceau-data.json (everything about the user: profile, emails,
 * linked accounts without secrets, sessions, learner records and their institutions, documents and
 * their metadata, audit events about them) and the signed PDF of each of their documents. Only
 * for the user themself (the route takes the signed-in user); audited as account.exported.
 */
export async function exportAccountData(
  deps: CoreDeps,
  actor: Actor,
): Promise<{ fileName: string; zip: Uint8Array }> {
  const userId = actor.user.id;
  const data = await deps.stores.accountData.collect(userId);
  const total = data.documents.reduce((sum, d) => sum + d.byteSize, 0);
  if (total > EXPORT_MAX_BYTES) throw new DomainError("export_too_large");

  const slugs = new Map(data.learnerRecords.map((l) => [l.institution.id, l.institution.slug]));
  const files: (ArchiveEntry & { store: boolean })[] = [];
  const documents = [];
  for (const d of data.documents) {
    const name = `documents/${slugs.get(d.institutionId) ?? d.institutionId}/${d.issueDate ?? d.signedAt.slice(0, 10)}-${d.id}.pdf`;
    files.push({ name, bytes: await deps.blobs.get(d.institutionId, d.sha256), store: true });
    documents.push({ ...d, file: name });
  }
  const now = deps.clock.now();
  const json = JSON.stringify({ exportedAt: now.toISOString(), ...data, documents }, null, 2);
  const zip = deps.zipWriter.write([
    { name: "sceau-data.json", bytes: new TextEncoder().encode(json), store: false },
    ...files,
  ]);
  await recordAudit(deps, deps.stores, byActor(actor), {
    institutionId: null,
    action: "account.exported",
    targetType: "user",
    targetId: userId,
    details: { documents: documents.length, bytes: zip.byteLength },
  });
  return { fileName: `sceau-data-${now.toISOString().slice(0, 10)}.zip`, zip };
}
