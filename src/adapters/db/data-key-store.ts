import { eq } from "drizzle-orm";
import type { Db } from "./open-database.ts";
import { institutionDataKeys } from "./schema.ts";

/** Institutions' wrapped data keys (the blob store's keys, sealed under the master key). */
export interface DataKeyStore {
  find(institutionId: string): Promise<Uint8Array | null>;
  /**
   * Stores this wrapped key unless the institution already has one, and returns the stored one:
   * of two concurrent callers, both get the key of whoever inserted first.
   */
  getOrCreate(institutionId: string, wrappedKey: Uint8Array): Promise<Uint8Array>;
}

export function dataKeyStore(db: Db): DataKeyStore {
  const find = async (institutionId: string): Promise<Uint8Array | null> => {
    const [row] = await db
      .select({ wrappedKey: institutionDataKeys.wrappedKey })
      .from(institutionDataKeys)
      .where(eq(institutionDataKeys.institutionId, institutionId));
    return row ? row.wrappedKey : null;
  };
  return {
    find,
    async getOrCreate(institutionId, wrappedKey) {
      await db
        .insert(institutionDataKeys)
        .values({ institutionId, wrappedKey })
        .onConflictDoNothing({ target: institutionDataKeys.institutionId });
      const stored = await find(institutionId);
      if (!stored) throw new Error(`no data key stored for institution ${institutionId}`);
      return stored;
    },
  };
}
