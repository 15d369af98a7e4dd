import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import * as schema from "./schema.ts";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseTarget = { kind: "pglite"; dir: string | null } | { kind: "postgres"; url: string };

export interface Database {
  readonly kind: DatabaseTarget["kind"];
  /** Where it was opened (a dedicated connection, e.g. for LISTEN, opens the same). */
  readonly target: DatabaseTarget;
  readonly db: Db;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance when embedded (migrations and tests use it); null on PostgreSQL. */
  readonly pglite: PGlite | null;
}

/** Opens PGlite (a directory, or in memory when dir is null) or a PostgreSQL pool. */
export async function openDatabase(
  target: DatabaseTarget,
  options: { poolSize?: number } = {},
): Promise<Database> {
  if (target.kind === "pglite") {
    if (target.dir) mkdirSync(target.dir, { recursive: true });
    // pg_trgm backs the learners' substring search (PostgreSQL ships it in contrib).
    const extensions = { pg_trgm };
    const client = target.dir ? new PGlite(target.dir, { extensions }) : new PGlite({ extensions });
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      kind: "pglite",
      target,
      db,
      pglite: client,
      ping: async () => {
        await client.query("select 1");
      },
      close: async () => {
        if (!client.closed) await client.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: options.poolSize ?? 10 });
  // An idle client that errors (server restart) must not crash the process.
  pool.on("error", () => {});
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  await db.execute(sql`select 1`);
  let closed = false;
  return {
    kind: "postgres",
    target,
    db,
    pglite: null,
    ping: async () => {
      await pool.query("select 1");
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
