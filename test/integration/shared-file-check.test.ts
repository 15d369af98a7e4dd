import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentType } from "../../src/core/document-types/document-types.types.ts";
import type { DocumentRecord } from "../../src/core/documents/documents.ports.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

/**
 * The recipient's verdict re-checks the very file they get. The blob store is content-addressed and
 * hash-checked (src/adapters/blob/fs-blob-store.ts): it returns the bytes whose SHA-256 the
 * registry row names, or refuses. What can make those bytes differ from what the institution
 * issued is the row itself pointing at other stored bytes (a restore, a bug, a hand edit: here
 * a plain UPDATE, as any process with the database could write), or a file on disk altered.
 */
describe.each(BACKENDS)("the shared file's verdict on %s", (backend) => {
  let t: TestApp;
  let inst: Institution;
  let type: DocumentType;
  beforeAll(async () => {
    t = await startTestApp(backend);
    inst = await makeInstitution(t.core);
    type = await makeDocumentType(t.core, inst);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A learner with two issued documents; A is shared by link (downloads allowed). */
  const sharedLink = async () => {
    const u = await makeUser(t.core, { email: `learner-${uniq()}@home.test` });
    const rec = await makeLearner(t.core, inst);
    await t.core.stores.learners.linkUser(rec.id, u.user.id);
    const a = await makeDocument(t.core, inst, { learner: rec, type, title: `Diplôme ${uniq()}` });
    const b = await makeDocument(t.core, inst, { learner: rec, type, title: `Relevé ${uniq()}` });
    const c = new TestClient(t.app);
    expect((await c.signIn(u.email, u.password)).statusCode).toBe(200);
    const res = await c.post("/api/v1/shares", { channel: "link", documentIds: [a.document.id] });
    expect(res.statusCode).toBe(201);
    const token = res.json().link.split("/s/")[1] as string;
    tokens.set(a.document.id, [t.core.secrets.hashToken(token)]);
    return { c, user: u.user, a, b, token };
  };
  const openAs = async (r: TestClient, token: string) =>
    (await r.get(`/api/v1/shares/${token}`)).json().share;
  /**
   * Points the registry row at other stored bytes, as a hand edit or a bad restore would, then
   * waits for the share cache to hear of it (a notification, within milliseconds on PostgreSQL).
   */
  const pointAt = async (doc: DocumentRecord, bytes: Uint8Array, options: { size?: boolean } = {}) => {
    const sha256 = await t.core.blobs.put(inst.id, bytes);
    await t.runtime.database.db.execute(
      options.size === false
        ? sql`update documents set sha256 = ${sha256} where id = ${doc.id}`
        : sql`update documents set sha256 = ${sha256}, byte_size = ${bytes.byteLength} where id = ${doc.id}`,
    );
    const [tokenHash] = tokens.get(doc.id) ?? [];
    for (let i = 0; tokenHash && i < 200; i++) {
      const found = await t.core.shareCache.lookup(tokenHash, () =>
        t.core.stores.shares.findByTokenHash(tokenHash),
      );
      if (found?.documents.find((d) => d.id === doc.id)?.sha256 === sha256) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    return sha256;
  };
  /** The token hashes of the link shares of each document (to wait for the share cache). */
  const tokens = new Map<string, string[]>();
  /** The signed file with one byte of its binary-comment header line changed: inside the signed range. */
  const altered = (bytes: Uint8Array) => {
    const copy = Uint8Array.from(bytes);
    const at = Buffer.from(copy).indexOf("\n") + 2;
    copy[at] = (copy[at] ?? 0) ^ 0x01;
    return copy;
  };

  it("an intact file is valid and downloads as issued", async () => {
    const s = await sharedLink();
    const r = new TestClient(t.app);
    const share = await openAs(r, s.token);
    expect(share.documents[0]).toMatchObject({
      status: "active",
      check: { verdict: "valid", why: null },
      downloadAllowed: true,
    });
    const file = await r.get(`/api/v1/shares/${s.token}/documents/${s.a.document.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(Buffer.compare(file.rawPayload, Buffer.from(s.a.bytes))).toBe(0);
  });

  it("a stored file altered after signing is invalid (modified): neither downloaded nor viewed", async () => {
    const s = await sharedLink();
    const r = new TestClient(t.app);
    expect((await openAs(r, s.token)).documents[0].check.verdict).toBe("valid");
    await pointAt(s.a.document, altered(s.a.bytes));
    const doc = (await openAs(r, s.token)).documents[0];
    // The registry still says active; the file says otherwise, and the file wins.
    expect(doc).toMatchObject({
      status: "active",
      check: { verdict: "invalid", why: "modified" },
      downloadAllowed: false,
    });
    for (const suffix of ["", "?view=1"]) {
      const file = await r.get(`/api/v1/shares/${s.token}/documents/${s.a.document.id}/file${suffix}`);
      expect(file.statusCode).toBe(409);
      expect(file.json().error.code).toBe("shared_file_not_issued");
    }
    const history = (await s.c.get("/api/v1/shares")).json().shares[0];
    expect(history.events.map((e: { kind: string }) => e.kind)).toEqual(["view", "view"]);
  });

  it("another document's intact file under this record is not the file issued (otherDocument)", async () => {
    const s = await sharedLink();
    await pointAt(s.a.document, s.b.bytes);
    const r = new TestClient(t.app);
    expect((await openAs(r, s.token)).documents[0]).toMatchObject({
      check: { verdict: "unknown", why: "otherDocument" },
      downloadAllowed: false,
    });
    expect((await r.get(`/api/v1/shares/${s.token}/documents/${s.a.document.id}/file`)).statusCode).toBe(409);
  });

  it("the issued file with bytes appended after issuance is not valid: the registry's status does not apply", async () => {
    const s = await sharedLink();
    const longer = Buffer.concat([Buffer.from(s.a.bytes), Buffer.from("\n% appended after issuance\n")]);
    // Only the hash is rewritten: the registry's size is still the issued file's.
    await pointAt(s.a.document, longer, { size: false });
    const r = new TestClient(t.app);
    // The verifier sees bytes outside the signed range; the registry knows other bytes anyway.
    expect((await openAs(r, s.token)).documents[0].check).toEqual({ verdict: "invalid", why: "modified" });
    expect((await r.get(`/api/v1/shares/${s.token}/documents/${s.a.document.id}/file`)).statusCode).toBe(409);
  });

  it("a registry that records another size than the stored file's: not the file issued (notIssuedFile)", async () => {
    const s = await sharedLink();
    const r = new TestClient(t.app);
    expect((await openAs(r, s.token)).documents[0].check.verdict).toBe("valid");
    await t.runtime.database.db.execute(
      sql`update documents set byte_size = byte_size + 1 where id = ${s.a.document.id}`,
    );
    let check: unknown;
    for (let i = 0; i < 200; i++) {
      check = (await openAs(r, s.token)).documents[0].check;
      if ((check as { verdict: string }).verdict !== "valid") break;
      await new Promise((res) => setTimeout(res, 10));
    }
    expect(check).toEqual({ verdict: "unknown", why: "notIssuedFile" });
    expect((await r.get(`/api/v1/shares/${s.token}/documents/${s.a.document.id}/file`)).statusCode).toBe(409);
  });

  it("a file altered on disk fails the store's own checks: unreadable, never served", async () => {
    const s = await sharedLink();
    const { sha256 } = s.a.document;
    await writeFile(
      join(t.config.dataDir, "blobs", inst.id, sha256.slice(0, 2), sha256),
      "not a sealed file",
    );
    const r = new TestClient(t.app);
    expect((await openAs(r, s.token)).documents[0]).toMatchObject({
      check: { verdict: "invalid", why: "unreadable" },
      downloadAllowed: false,
    });
    expect((await r.get(`/api/v1/shares/${s.token}/documents/${s.a.document.id}/file`)).statusCode).toBe(500);
  });

  it("a verdict kept in memory still follows the registry: revoked at once", async () => {
    const s = await sharedLink();
    const r = new TestClient(t.app);
    expect((await openAs(r, s.token)).documents[0].check.verdict).toBe("valid");
    await t.core.stores.documents.revoke(inst.id, s.a.document.id, { reason: "erreur", now: new Date() });
    // Written as another process would: the share cache hears of it within milliseconds.
    let doc = (await openAs(r, s.token)).documents[0];
    for (let i = 0; i < 200 && doc.status !== "revoked"; i++) {
      await new Promise((res) => setTimeout(res, 10));
      doc = (await openAs(r, s.token)).documents[0];
    }
    expect(doc).toMatchObject({
      status: "revoked",
      check: { verdict: "revoked", why: null },
      downloadAllowed: true,
    });
  });

  it("the organization inbox re-checks each file it would retrieve, and refuses one that is not the file issued", async () => {
    const u = await makeUser(t.core, { email: `learner-${uniq()}@home.test` });
    const rec = await makeLearner(t.core, inst);
    await t.core.stores.learners.linkUser(rec.id, u.user.id);
    const a = await makeDocument(t.core, inst, { learner: rec, type, title: `Diplôme ${uniq()}` });
    const b = await makeDocument(t.core, inst, { learner: rec, type, title: `Relevé ${uniq()}` });
    const org = await t.core.stores.organizations.create({
      slug: `org-${uniq()}`,
      nameFr: "Université Exemple",
      nameEn: "Example University",
      kind: "education",
      country: "CA",
      contactEmail: null,
      searchText: "universite exemple",
    });
    if (!org) throw new Error("no organization");
    const learner = new TestClient(t.app);
    await learner.signIn(u.email, u.password);
    const created = await learner.post("/api/v1/shares", {
      channel: "organization",
      organizationId: org.id,
      documentIds: [a.document.id, b.document.id],
    });
    expect(created.statusCode).toBe(201);
    const shareId = created.json().share.id;
    const reviewer = await makeUser(t.core);
    await t.core.stores.memberships.add({
      userId: reviewer.user.id,
      role: "reviewer",
      institutionId: null,
      organizationId: org.id,
    });
    const staff = new TestClient(t.app);
    await staff.signIn(reviewer.email, reviewer.password);
    const base = `/api/v1/organizations/${org.slug}/inbox/${shareId}`;
    const checks = async () =>
      Object.fromEntries(
        (await staff.get(base))
          .json()
          .item.verifications.map((v: { id: string; check: unknown }) => [v.id, v.check]),
      );
    expect(await checks()).toEqual({
      [a.document.id]: { verdict: "valid", why: null },
      [b.document.id]: { verdict: "valid", why: null },
    });

    await pointAt(a.document, altered(a.bytes));
    expect(await checks()).toEqual({
      [a.document.id]: { verdict: "invalid", why: "modified" },
      [b.document.id]: { verdict: "valid", why: null },
    });
    // The inbox's list says the same of each document.
    const listed = (await staff.get(`/api/v1/organizations/${org.slug}/inbox`)).json().items[0];
    expect(listed.documents.map((d: { id: string; check: unknown }) => [d.id, d.check])).toEqual(
      expect.arrayContaining([
        [a.document.id, { verdict: "invalid", why: "modified" }],
        [b.document.id, { verdict: "valid", why: null }],
      ]),
    );
    expect(JSON.stringify(listed)).not.toContain(a.document.sha256);
    const refused = await staff.get(`${base}/documents/${a.document.id}/file`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("shared_file_not_issued");
    const fine = await staff.get(`${base}/documents/${b.document.id}/file`);
    expect(fine.statusCode).toBe(200);
    expect(Buffer.compare(fine.rawPayload, Buffer.from(b.bytes))).toBe(0);
    const events = (
      (await t.runtime.database.db.execute(
        sql`select document_id from share_events where share_id = ${shareId} and kind = 'retrieved'`,
      )) as unknown as { rows: { document_id: string }[] }
    ).rows;
    expect(events).toEqual([{ document_id: b.document.id }]);
  });
});
