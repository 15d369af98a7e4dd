import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrateDatabase } from "../../src/adapters/db/migrate-database.ts";
import { type Database, type DatabaseTarget, openDatabase } from "../../src/adapters/db/open-database.ts";

export type Backend = "pglite" | "postgres";
export const BACKENDS: Backend[] = ["pglite", "postgres"];

/** The local PostgreSQL server's admin database (tests create and drop their own databases there). */
export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  database: Database;
  target: DatabaseTarget;
  drop(): Promise<void>;
}

/** A fresh, migrated database: PGlite in memory, or a new database on the local PostgreSQL server. */
export async function createTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === "pglite") {
    const target: DatabaseTarget = { kind: "pglite", dir: null };
    const database = await openDatabase(target);
    await migrateDatabase(database, target);
    return { database, target, drop: () => database.close() };
  }
  const name = `sceau_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const target: DatabaseTarget = { kind: "postgres", url: url.toString() };
  const database = await openDatabase(target, { poolSize: 4 });
  await migrateDatabase(database, target);
  return {
    database,
    target,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
