import type { Database } from "../../src/adapters/db/open-database.ts";
import { shareDocuments, shares } from "../../src/adapters/db/schema.ts";
import type { CoreDeps } from "../../src/core/ports.ts";
import { uniq } from "./factories.ts";

/**
 * A share of documents with an organization, filed in its inbox. Until the sharing use case
 * exists it is written here: the share row (hashed random token) and its documents, then the
 * inbox row through the inbox store.
 */
export async function makeOrganizationShare(
  t: { core: CoreDeps; database: Database },
  input: {
    userId: string;
    organizationId: string;
    documentIds: string[];
    receivedAt?: Date;
    downloadAllowed?: boolean;
    expiresAt?: Date;
    message?: string | null;
  },
): Promise<{ shareId: string }> {
  const db = t.database.db;
  const now = t.core.clock.now();
  const [row] = await db
    .insert(shares)
    .values({
      userId: input.userId,
      channel: "organization",
      tokenHash: t.core.secrets.hashToken(`${t.core.secrets.randomToken()}${uniq()}`),
      organizationId: input.organizationId,
      message: input.message ?? null,
      downloadAllowed: input.downloadAllowed ?? true,
      createdAt: input.receivedAt ?? now,
      expiresAt: input.expiresAt ?? new Date(now.getTime() + 90 * 86_400_000),
    })
    .returning({ id: shares.id });
  if (!row) throw new Error("no share");
  await db
    .insert(shareDocuments)
    .values(input.documentIds.map((documentId) => ({ shareId: row.id, documentId })));
  await t.core.stores.organizationInbox.receive(row.id, input.organizationId, input.receivedAt ?? now);
  return { shareId: row.id };
}
