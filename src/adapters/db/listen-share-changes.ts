import pg from "pg";
import type { Database } from "./open-database.ts";
import { type ListeningShareCache, SHARE_CHANGES_CHANNEL } from "./share-lookup-cache.ts";

const RETRY_MS = { first: 500, max: 30_000 };

/**
 * Feeds the share cache with the database's change notifications. On PostgreSQL a dedicated
 * connection LISTENs; when it drops, the cache turns itself off (every look-up reads the database)
 * until the connection is back. PGlite lives in this process and notifies at commit.
 */
export async function listenShareChanges(
  database: Database,
  cache: ListeningShareCache,
  onError: (err: unknown) => void,
): Promise<{ close(): Promise<void> }> {
  if (database.pglite) {
    const unlisten = await database.pglite.listen(SHARE_CHANGES_CHANNEL, (payload) =>
      cache.notified(payload),
    );
    cache.setListening(true);
    return {
      close: async () => {
        cache.setListening(false);
        if (!database.pglite?.closed) await unlisten();
      },
    };
  }
  const { target } = database;
  if (target.kind !== "postgres") throw new Error("a PostgreSQL target is needed to listen");

  let closed = false;
  let client: pg.Client | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let delay = RETRY_MS.first;

  /** Forgets the current connection and ends it, ignoring what it says from now on. */
  const drop = async () => {
    cache.setListening(false);
    const last = client;
    client = null;
    last?.removeAllListeners();
    last?.on("error", () => {});
    await last?.end().catch(() => {});
  };

  const lost = (err: unknown) => {
    void drop();
    if (closed) return;
    onError(err);
    retry = setTimeout(() => void connect(), delay);
    delay = Math.min(delay * 2, RETRY_MS.max);
  };

  const connect = async () => {
    retry = null;
    const next = new pg.Client({ connectionString: target.url });
    client = next;
    next.on("error", lost);
    next.on("end", () => {
      if (client === next) lost(new Error("share change notifications: connection ended"));
    });
    next.on("notification", (m) => {
      if (m.channel === SHARE_CHANGES_CHANNEL) cache.notified(m.payload ?? "*");
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${SHARE_CHANGES_CHANNEL}`);
      if (client !== next || closed) return;
      delay = RETRY_MS.first;
      cache.setListening(true);
    } catch (err) {
      if (client === next) lost(err);
    }
  };

  await connect();
  return {
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      await drop();
    },
  };
}
