import type { FoundShare, ShareLookupCache } from "../../core/sharing/sharing.ports.ts";

/** The channel the database's triggers notify (migration 0008): a share's id, or "*" for any share. */
export const SHARE_CHANGES_CHANNEL = "sceau_share_changes";

export interface ListeningShareCache extends ShareLookupCache {
  /** Whether change notifications are heard now; while they are not, nothing is kept or served. */
  setListening(listening: boolean): void;
  /** A notification from the database: a share id, or "*" for all. */
  notified(payload: string): void;
  readonly size: number;
}

interface Entry {
  found: FoundShare;
  storedAt: number;
}

/**
 * A bounded map from token hash to share, with a time to live. A look-up that started before a
 * `forget` (or a notification) stores nothing, so a read racing a change never keeps the old
 * state. Hits refresh nothing: an entry lives `ttlMs` at most, then is read again.
 */
export function shareLookupCache(options: {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}): ListeningShareCache {
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, Entry>();
  const byShareId = new Map<string, string>();
  let generation = 0;
  let listening = false;

  const drop = (tokenHash: string) => {
    const entry = entries.get(tokenHash);
    if (!entry) return;
    entries.delete(tokenHash);
    byShareId.delete(entry.found.share.id);
  };
  const forget = (shareId?: string) => {
    generation++;
    if (shareId === undefined) {
      entries.clear();
      byShareId.clear();
      return;
    }
    const tokenHash = byShareId.get(shareId);
    if (tokenHash !== undefined) drop(tokenHash);
  };

  return {
    async lookup(tokenHash, load) {
      if (!listening) return load();
      const entry = entries.get(tokenHash);
      if (entry && now() - entry.storedAt < options.ttlMs) return entry.found;
      if (entry) drop(tokenHash);
      const started = generation;
      const found = await load();
      if (found && listening && generation === started) {
        if (entries.size >= options.maxEntries) {
          // The oldest entry goes (a Map iterates in insertion order).
          const oldest = entries.keys().next().value;
          if (oldest !== undefined) drop(oldest);
        }
        entries.set(tokenHash, { found, storedAt: now() });
        byShareId.set(found.share.id, tokenHash);
      }
      return found;
    },
    forget,
    setListening(value) {
      listening = value;
      // Whatever was kept may have changed unheard: start again either way.
      forget();
    },
    notified(payload) {
      forget(payload === "*" ? undefined : payload);
    },
    get size() {
      return entries.size;
    },
  };
}
