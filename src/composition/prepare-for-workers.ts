import { migrateDatabase } from "../adapters/db/migrate-database.ts";
import { openDatabase } from "../adapters/db/open-database.ts";
import { loadMasterKey } from "../adapters/keys/load-master-key.ts";
import type { Config } from "../config/config.ts";
import { databaseTarget } from "./deps.ts";

/**
 * What a cluster's primary does before it forks, so its workers do not race for it: outside
 * production, the development master key and the pending migrations. Nothing in production
 * (there the key is configured and `sceau migrate` runs first).
 */
export async function prepareForWorkers(config: Config): Promise<void> {
  if (config.env === "production") return;
  loadMasterKey(config.masterKey, config.dataDir, true);
  const target = databaseTarget(config);
  const database = await openDatabase(target, { poolSize: 1 });
  try {
    await migrateDatabase(database, target);
  } finally {
    await database.close();
  }
}
