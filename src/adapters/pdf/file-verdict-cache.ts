import type { FileVerdictCache } from "../../core/documents/documents.ports.ts";
import type { FileVerdict } from "../../core/documents/file-verdict.types.ts";

interface Entry {
  verdict: FileVerdict;
  storedAt: number;
}

/**
 * A bounded map of file verdicts with a time to live, and one computation at a time for a key
 * (a popular link's first views wait for the same verification instead of each running it).
 */
export function fileVerdictCache(options: {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}): FileVerdictCache & { readonly size: number } {
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, Entry>();
  const running = new Map<string, Promise<FileVerdict>>();
  return {
    get(key, compute) {
      const entry = entries.get(key);
      if (entry && now() - entry.storedAt < options.ttlMs) return Promise.resolve(entry.verdict);
      if (entry) entries.delete(key);
      const pending = running.get(key);
      if (pending) return pending;
      const p = compute()
        .then(({ verdict, keep }) => {
          if (keep) {
            if (entries.size >= options.maxEntries) {
              const oldest = entries.keys().next().value;
              if (oldest !== undefined) entries.delete(oldest);
            }
            entries.set(key, { verdict, storedAt: now() });
          }
          return verdict;
        })
        .finally(() => running.delete(key));
      running.set(key, p);
      return p;
    },
    get size() {
      return entries.size;
    },
  };
}
