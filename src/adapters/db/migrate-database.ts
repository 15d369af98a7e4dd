import { fileURLToPath } from "node:url";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { Database, DatabaseTarget } from "./open-database.ts";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../../migrations", import.meta.url));

/** Number of migration files shipped with this version. */
export const migrationCount = (): number =>
  readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;

/**
 * Applies pending migrations. On PostgreSQL it holds an advisory lock on its own connection,
 * so several app nodes starting together migrate once.
 */
export async function migrateDatabase(database: Database, target: DatabaseTarget): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.pglite) {
    await migratePglite(drizzlePglite(database.pglite), config);
    return;
  }
  if (target.kind !== "postgres") throw new Error("migrateDatabase: PostgreSQL target expected");
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(7301551)");
    await migrateNodePg(drizzleNodePg(client), config);
  } finally {
    await client.query("select pg_advisory_unlock(7301551)").catch(() => {});
    await client.end();
  }
}
