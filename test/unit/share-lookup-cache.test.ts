import { describe, expect, it } from "vitest";
import { shareLookupCache } from "../../src/adapters/db/share-lookup-cache.ts";
import type { FoundShare } from "../../src/core/sharing/sharing.ports.ts";

const found = (id: string, title = "Relevé"): FoundShare =>
  ({ share: { id }, documents: [{ id: `doc-${id}`, title }] }) as unknown as FoundShare;

function setup(options: { ttlMs?: number; maxEntries?: number } = {}) {
  let time = 0;
  const cache = shareLookupCache({
    ttlMs: options.ttlMs ?? 1000,
    maxEntries: options.maxEntries ?? 10,
    now: () => time,
  });
  const loads: string[] = [];
  const loader = (tokenHash: string, value: FoundShare | null) => () => {
    loads.push(tokenHash);
    return Promise.resolve(value);
  };
  return { cache, loads, loader, advance: (ms: number) => (time += ms) };
}

describe("share lookup cache", () => {
  it("reads the database every time while notifications are not heard", async () => {
    const { cache, loads, loader } = setup();
    await cache.lookup("h1", loader("h1", found("s1")));
    await cache.lookup("h1", loader("h1", found("s1")));
    expect(loads).toEqual(["h1", "h1"]);
    expect(cache.size).toBe(0);
  });

  it("keeps a share for its time to live, then reads it again", async () => {
    const { cache, loads, loader, advance } = setup({ ttlMs: 1000 });
    cache.setListening(true);
    const first = await cache.lookup("h1", loader("h1", found("s1")));
    advance(999);
    expect(await cache.lookup("h1", loader("h1", found("s1", "new")))).toBe(first);
    advance(1);
    expect((await cache.lookup("h1", loader("h1", found("s1", "new"))))?.documents[0]?.title).toBe("new");
    expect(loads).toEqual(["h1", "h1"]);
  });

  it("never keeps an unknown token", async () => {
    const { cache, loads, loader } = setup();
    cache.setListening(true);
    await cache.lookup("nope", loader("nope", null));
    await cache.lookup("nope", loader("nope", null));
    expect(loads).toEqual(["nope", "nope"]);
  });

  it("forgets one share by id when notified, every share on '*', and all when listening stops", async () => {
    const { cache, loads, loader } = setup();
    cache.setListening(true);
    await cache.lookup("h1", loader("h1", found("s1")));
    await cache.lookup("h2", loader("h2", found("s2")));
    cache.notified("s1");
    await cache.lookup("h1", loader("h1", found("s1")));
    await cache.lookup("h2", loader("h2", found("s2")));
    expect(loads).toEqual(["h1", "h2", "h1"]);
    cache.notified("*");
    expect(cache.size).toBe(0);
    await cache.lookup("h2", loader("h2", found("s2")));
    cache.setListening(false);
    expect(cache.size).toBe(0);
    await cache.lookup("h2", loader("h2", found("s2")));
    expect(loads).toEqual(["h1", "h2", "h1", "h2", "h2"]);
  });

  it("a read that started before a change keeps nothing (it may hold the old state)", async () => {
    const { cache, loads } = setup();
    cache.setListening(true);
    let release: (v: FoundShare) => void = () => {};
    const slow = cache.lookup("h1", () => {
      loads.push("slow");
      return new Promise<FoundShare>((r) => {
        release = r;
      });
    });
    cache.forget("s1");
    release(found("s1", "old"));
    expect((await slow)?.documents[0]?.title).toBe("old");
    expect(cache.size).toBe(0);
    const fresh = await cache.lookup("h1", () => Promise.resolve(found("s1", "new")));
    expect(fresh?.documents[0]?.title).toBe("new");
    expect(cache.size).toBe(1);
  });

  it("holds at most maxEntries, dropping the oldest", async () => {
    const { cache, loads, loader } = setup({ maxEntries: 2 });
    cache.setListening(true);
    for (const h of ["h1", "h2", "h3"]) await cache.lookup(h, loader(h, found(`s-${h}`)));
    expect(cache.size).toBe(2);
    await cache.lookup("h3", loader("h3", found("s-h3")));
    await cache.lookup("h1", loader("h1", found("s-h1")));
    expect(loads).toEqual(["h1", "h2", "h3", "h1"]);
  });
});
