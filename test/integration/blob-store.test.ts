import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fsBlobStore } from "../../src/adapters/blob/fs-blob-store.ts";
import { dataKeyStore } from "../../src/adapters/db/data-key-store.ts";
import { institutionDataKeys } from "../../src/adapters/keys/institution-data-keys.ts";
import { loadMasterKey } from "../../src/adapters/keys/load-master-key.ts";
import { makeInstitution } from "../support/factories.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { BACKENDS } from "../support/test-database.ts";

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "resolved",
    (e: { code?: string }) => e.code ?? String(e),
  );

describe.each(BACKENDS)("encrypted blob store on %s", (backend) => {
  let t: TestApp;
  let blobDir: string;
  const masterKey = () => loadMasterKey(t.config.masterKey, t.config.dataDir, true);
  const fileOf = (institutionId: string, sha: string) => join(blobDir, institutionId, sha.slice(0, 2), sha);

  beforeAll(async () => {
    t = await startTestApp(backend);
    blobDir = join(t.config.dataDir, "blobs");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("stores, finds and returns the bytes; the file on disk holds no clear bytes", async () => {
    const inst = await makeInstitution(t.core);
    const bytes = new TextEncoder().encode(`%PDF-1.7 transcript of Alice ${"A".repeat(2000)}`);
    const sha = await t.core.blobs.put(inst.id, bytes);
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(await t.core.blobs.has(inst.id, sha)).toBe(true);
    expect(Buffer.from(await t.core.blobs.get(inst.id, sha))).toEqual(Buffer.from(bytes));

    const onDisk = await readFile(fileOf(inst.id, sha));
    expect(onDisk.subarray(0, 4).toString("latin1")).toBe("SCB\u0001");
    expect(onDisk.includes(Buffer.from("transcript of Alice"))).toBe(false);
    expect(onDisk.includes(Buffer.from("AAAAAAAAAAAAAAAA"))).toBe(false);
    // No temporary file is left behind.
    expect(await readdir(join(blobDir, inst.id, sha.slice(0, 2)))).toEqual([sha]);
  });

  it("is idempotent: the same bytes again give the same hash and no rewrite", async () => {
    const inst = await makeInstitution(t.core);
    const bytes = randomBytes(4096);
    const sha = await t.core.blobs.put(inst.id, bytes);
    const before = await readFile(fileOf(inst.id, sha));
    const mtime = (await stat(fileOf(inst.id, sha))).mtimeMs;
    expect(await t.core.blobs.put(inst.id, bytes)).toBe(sha);
    expect(await readFile(fileOf(inst.id, sha))).toEqual(before);
    expect((await stat(fileOf(inst.id, sha))).mtimeMs).toBe(mtime);
  });

  it("refuses a flipped byte as blob_corrupt", async () => {
    const inst = await makeInstitution(t.core);
    const sha = await t.core.blobs.put(inst.id, randomBytes(1000));
    const path = fileOf(inst.id, sha);
    const stored = await readFile(path);
    for (const at of [2, 10, 40, stored.length - 1]) {
      const damaged = Buffer.from(stored);
      damaged[at] = (damaged[at] ?? 0) ^ 0x01;
      await writeFile(path, damaged);
      expect(await codeOf(t.core.blobs.get(inst.id, sha))).toBe("blob_corrupt");
    }
    await writeFile(path, stored.subarray(0, 20));
    expect(await codeOf(t.core.blobs.get(inst.id, sha))).toBe("blob_corrupt");
  });

  it("refuses a file moved to another institution's folder or renamed to another hash", async () => {
    const a = await makeInstitution(t.core);
    const b = await makeInstitution(t.core);
    const shaA = await t.core.blobs.put(a.id, randomBytes(500));
    const shaB = await t.core.blobs.put(b.id, randomBytes(500));
    // B's file under A's folder (same hash name): another key and another AAD.
    await mkdir(join(blobDir, a.id, shaB.slice(0, 2)), { recursive: true });
    await writeFile(fileOf(a.id, shaB), await readFile(fileOf(b.id, shaB)));
    expect(await codeOf(t.core.blobs.get(a.id, shaB))).toBe("blob_corrupt");
    // A's second file renamed to the first one's hash.
    const shaA2 = await t.core.blobs.put(a.id, randomBytes(500));
    await rename(fileOf(a.id, shaA2), fileOf(a.id, shaA));
    expect(await codeOf(t.core.blobs.get(a.id, shaA))).toBe("blob_corrupt");
  });

  it("answers blob_missing for an absent blob or a malformed hash", async () => {
    const inst = await makeInstitution(t.core);
    expect(await codeOf(t.core.blobs.get(inst.id, "0".repeat(64)))).toBe("blob_missing");
    expect(await t.core.blobs.has(inst.id, "0".repeat(64))).toBe(false);
    expect(await codeOf(t.core.blobs.get(inst.id, "../../etc/passwd"))).toBe("blob_missing");
    expect(await t.core.blobs.has("../x", "0".repeat(64))).toBe(false);
  });

  it("gives two institutions different data keys, and the same bytes different files", async () => {
    const a = await makeInstitution(t.core);
    const b = await makeInstitution(t.core);
    const bytes = randomBytes(256);
    const sha = await t.core.blobs.put(a.id, bytes);
    expect(await t.core.blobs.put(b.id, bytes)).toBe(sha);
    expect(await readFile(fileOf(a.id, sha))).not.toEqual(await readFile(fileOf(b.id, sha)));
    const keys = institutionDataKeys(masterKey(), dataKeyStore(t.runtime.database.db));
    expect(await keys.keyFor(a.id)).not.toEqual(await keys.keyFor(b.id));
  });

  it("creates one data key when several processes ask at once, and a new process reads the files", async () => {
    const inst = await makeInstitution(t.core);
    const processes = Array.from({ length: 6 }, () =>
      institutionDataKeys(masterKey(), dataKeyStore(t.runtime.database.db)),
    );
    const keys = await Promise.all(processes.map((p) => p.keyFor(inst.id)));
    for (const k of keys) expect(k).toEqual(keys[0]);
    const rows = await t.runtime.database.db.execute(
      sql`select count(*)::int as n from institution_data_keys where institution_id = ${inst.id}`,
    );
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(1);

    const bytes = randomBytes(300);
    const sha = await t.core.blobs.put(inst.id, bytes);
    const other = fsBlobStore(blobDir, processes[3] as (typeof processes)[number]);
    expect(Buffer.from(await other.get(inst.id, sha))).toEqual(bytes);
  });

  it("does not open with another master key", async () => {
    const inst = await makeInstitution(t.core);
    const sha = await t.core.blobs.put(inst.id, randomBytes(100));
    const reported: string[] = [];
    const wrongMaster = institutionDataKeys(randomBytes(32), dataKeyStore(t.runtime.database.db));
    const store = fsBlobStore(blobDir, wrongMaster, { onCorrupt: (b) => reported.push(b.sha256) });
    await expect(store.get(inst.id, sha)).rejects.toThrow(/cannot be unwrapped/);
    expect(reported).toEqual([]);
  });
});
