import { requireAccess } from "../access/require-access.ts";
import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { csvLine } from "../csv/csv-cell.ts";
import { ERROR_MESSAGES } from "../error-messages.ts";
import { DomainError } from "../errors.ts";
import type { CoreDeps } from "../ports.ts";

/** The rows that failed or were skipped, as CSV (formula-like cells neutralised), to fix and upload again. */
export async function exportBatchErrors(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  id: string,
): Promise<string> {
  const institution = await requireAccess(deps, actor, "documents.read", slug);
  if (!(await deps.stores.batches.findById(institution.id, id))) throw new DomainError("not_found");
  const lines = [csvLine(["line", "external_id", "file", "status", "error", "message_fr", "message_en"])];
  for (const status of ["failed", "skipped"] as const) {
    let afterRow = 0;
    for (;;) {
      const items = await deps.stores.batches.items(id, { status, afterRow, limit: 1000 });
      if (items.length === 0) break;
      for (const i of items) {
        const message =
          i.errorCode === "already_issued"
            ? { fr: "Déjà délivré : rien de nouveau.", en: "Already issued: nothing new." }
            : (ERROR_MESSAGES[i.errorCode as keyof typeof ERROR_MESSAGES] ?? ERROR_MESSAGES.internal);
        lines.push(
          csvLine([i.rowNumber, i.externalId, i.fileName, i.status, i.errorCode, message.fr, message.en]),
        );
      }
      afterRow = items[items.length - 1]?.rowNumber ?? afterRow;
    }
  }
  await deps.transact((stores) =>
    recordAudit(deps, stores, byActor(actor), {
      institutionId: institution.id,
      action: "batch.errors_exported",
      targetType: "batch",
      targetId: id,
      details: { rows: lines.length - 1 },
    }),
  );
  return `${lines.join("\r\n")}\r\n`;
}
