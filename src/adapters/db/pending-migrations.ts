import { sql } from "drizzle-orm";
import { migrationCount } from "./migrate-database.ts";
import type { Database } from "./open-database.ts";

/** How many shipped migrations the database has not applied yet. */
export async function pendingMigrations(database: Database): Promise<number> {
  const total = migrationCount();
  try {
    const rows = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    const applied = Number((rows as unknown as { rows?: { n: number }[] }).rows?.[0]?.n ?? 0);
    return Math.max(0, total - applied);
  } catch {
    return total;
  }
}
