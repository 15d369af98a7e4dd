import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentType } from "../../src/core/document-types/document-types.types.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";
import { BACKENDS } from "../support/test-database.ts";

const MINUTE = 60_000;
const PASSCODE = "tulipe-42";

/** A fresh address in TEST-NET-3 for each client, so that no two tests share a client's count. */
let lastOctet = 0;
const nextIp = () => {
  lastOctet = (lastOctet % 250) + 1;
  return `203.0.113.${lastOctet}`;
};

describe.each(BACKENDS)("share lock-out on %s", (backend) => {
  let t: TestApp;
  let inst: Institution;
  let type: DocumentType;
  beforeAll(async () => {
    t = await startTestApp(backend, { worker: true });
    inst = await makeInstitution(t.core);
    type = await makeDocumentType(t.core, inst);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A signed-in learner with one document and a link share of it guarded by a passcode. */
  const guardedShare = async (extra: Record<string, unknown> = {}) => {
    const u = await makeUser(t.core, { email: `learner-${uniq()}@home.test` });
    const rec = await makeLearner(t.core, inst, { givenName: "Léa", familyName: `Tremblay ${uniq()}` });
    await t.core.stores.learners.linkUser(rec.id, u.user.id);
    const { document } = await makeDocument(t.core, inst, { learner: rec, type });
    const c = new TestClient(t.app);
    expect((await c.signIn(u.email, u.password)).statusCode).toBe(200);
    const res = await c.post("/api/v1/shares", {
      channel: "link",
      documentIds: [document.id],
      passcode: PASSCODE,
      ...extra,
    });
    expect(res.statusCode).toBe(201);
    const { share, link } = res.json();
    return { c, user: u.user, rec, document, shareId: share.id as string, token: link.split("/s/")[1] };
  };
  const attempt = (client: TestClient, token: string, passcode: string) =>
    client.post(`/api/v1/shares/${token}/access`, { passcode });
  const summaryOf = async (c: TestClient, id: string) =>
    (await c.get("/api/v1/shares")).json().shares.find((s: { id: string }) => s.id === id);
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await t.runtime.database.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const eventsOf = async (shareId: string, kind: string) =>
    Number(
      (
        await rows(
          sql`select count(*)::int as n from share_events where share_id = ${shareId} and kind = ${kind}`,
        )
      )[0]?.n,
    );
  /** Moves the clock on for the body, then back (the other tests of the file share it). */
  const later = async (ms: number, body: () => Promise<void>) => {
    t.clock.advance(ms);
    try {
      await body();
    } finally {
      t.clock.advance(-ms);
    }
  };

  it("locks one client that keeps guessing (429, Retry-After, the wait in words) but not the share", async () => {
    const s = await guardedShare();
    const attacker = new TestClient(t.app, { ip: nextIp() });
    for (let i = 0; i < 5; i++) expect((await attack(attacker)).statusCode).toBe(403);
    const sixth = await attack(attacker);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers["retry-after"]).toBe("60");
    expect(sixth.json().error).toMatchObject({
      code: "too_many_attempts",
      message: {
        fr: "Trop de tentatives. Réessayez dans 1 minute.",
        en: "Too many attempts. Try again in 1 minute.",
      },
    });
    // Locked now, even with the right passcode; nothing more is counted.
    const locked = await attempt(attacker, s.token, PASSCODE);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    expect(await eventsOf(s.shareId, "access_failed")).toBe(6);

    // The recipient, elsewhere, is not locked out.
    const recipient = new TestClient(t.app, { ip: nextIp() });
    expect((await attempt(recipient, s.token, PASSCODE)).statusCode).toBe(200);
    expect((await recipient.get(`/api/v1/shares/${s.token}`)).json().share.state).toBe("open");

    // The attacker's waits double; however long it keeps at it, the share never locks.
    const waits: string[] = [];
    let elapsed = 0;
    for (let round = 0; round < 7; round++) {
      // The lock's end, from now: the clock is moved just past it for one more guess.
      elapsed = Number((await attack(attacker)).headers["retry-after"] ?? 0) * 1000;
      await later(elapsed, async () => {
        const r = await attack(attacker);
        waits.push(String(r.headers["retry-after"]));
      });
    }
    expect(waits).toEqual(["120", "240", "480", "960", "1920", "3600", "3600"]);
    await later(elapsed, async () => {
      expect((await summaryOf(s.c, s.shareId)).status).toBe("active");
      expect((await attempt(new TestClient(t.app, { ip: nextIp() }), s.token, PASSCODE)).statusCode).toBe(
        200,
      );
    });
    expect(await eventsOf(s.shareId, "locked")).toBe(0);

    async function attack(client: TestClient) {
      return attempt(client, s.token, `nope-${uniq()}`);
    }
  });

  it("counts an IPv6 client by its /64 network", async () => {
    const s = await guardedShare();
    const net = `2001:db8:${(lastOctet + 7).toString(16)}:1`;
    for (let i = 0; i < 3; i++)
      expect(
        (await attempt(new TestClient(t.app, { ip: `${net}::${i + 1}` }), s.token, "wrong")).statusCode,
      ).toBe(403);
    for (let i = 0; i < 2; i++)
      expect(
        (await attempt(new TestClient(t.app, { ip: `${net}:0:0:ab:${i}` }), s.token, "wrong")).statusCode,
      ).toBe(403);
    // The sixth failure from the same /64, whatever the address in it, locks it.
    expect((await attempt(new TestClient(t.app, { ip: `${net}::ffff` }), s.token, "wrong")).statusCode).toBe(
      429,
    );
    expect(
      (await attempt(new TestClient(t.app, { ip: "2001:db8:ffff::1" }), s.token, PASSCODE)).statusCode,
    ).toBe(200);
  });

  it("locks the share after failures from several clients, tells the learner, who lifts the lock", async () => {
    const s = await guardedShare();
    // Two clients use up their five free failures each: ten on the share, still open.
    for (const client of [new TestClient(t.app, { ip: nextIp() }), new TestClient(t.app, { ip: nextIp() })])
      for (let i = 0; i < 5; i++) expect((await attempt(client, s.token, `x-${i}`)).statusCode).toBe(403);
    expect((await summaryOf(s.c, s.shareId)).status).toBe("active");
    // The eleventh, from a third client, locks the share for 5 minutes.
    const third = await attempt(new TestClient(t.app, { ip: nextIp() }), s.token, "x-11");
    expect(third.statusCode).toBe(429);
    expect(third.headers["retry-after"]).toBe("300");
    expect(third.json().error.message.en).toBe("Too many attempts. Try again in 5 minutes.");

    // Everyone waits now, the right passcode included; the page says until when.
    const recipient = new TestClient(t.app, { ip: nextIp() });
    const refused = await attempt(recipient, s.token, PASSCODE);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message.fr).toBe("Trop de tentatives. Réessayez dans 5 minutes.");
    const page = (await recipient.get(`/api/v1/shares/${s.token}`)).json().share;
    expect(page).toMatchObject({ state: "locked", needs: { passcode: true } });
    expect(new Date(page.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 4 * MINUTE);

    // The learner sees the truth: locked, until when, and the event in the history.
    const summary = await summaryOf(s.c, s.shareId);
    expect(summary.status).toBe("locked");
    expect(summary.lockedUntil).toBe(page.lockedUntil);
    const kinds = summary.events.map((e: { kind: string }) => e.kind);
    expect(kinds.filter((k: string) => k === "access_failed")).toHaveLength(11);
    const locks = summary.events.filter((e: { kind: string }) => e.kind === "locked");
    expect(locks).toHaveLength(1);
    expect(locks[0].createdAt).toBe(summary.events.at(-1).createdAt);

    // The lock ends by itself; the next counted failure locks it twice as long.
    await later(5 * MINUTE + 1000, async () => {
      const again = await attempt(new TestClient(t.app, { ip: nextIp() }), s.token, "x-12");
      expect(again.headers["retry-after"]).toBe("600");
    });

    // The learner lifts it at once: audited, the failures forgotten.
    const lifted = await s.c.post(`/api/v1/shares/${s.shareId}/unlock`);
    expect(lifted.statusCode).toBe(200);
    expect(lifted.json().share).toMatchObject({ status: "active", lockedUntil: null });
    const audit = await t.core.stores.audit.list({ institutionId: null, action: "share.unlocked", limit: 5 });
    expect(audit.some((e) => e.targetId === s.shareId)).toBe(true);
    expect((await attempt(recipient, s.token, PASSCODE)).statusCode).toBe(200);
    expect((await recipient.get(`/api/v1/shares/${s.token}`)).json().share.state).toBe("open");
    const [row] = await rows(sql`select failed_attempts, locked_until from shares where id = ${s.shareId}`);
    expect(row).toEqual({ failed_attempts: 0, locked_until: null });
  });

  it("lets no burst of concurrent guesses past the lock", async () => {
    const s = await guardedShare();
    const burst = new TestClient(t.app, { ip: nextIp() });
    await burst.csrfToken();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(burst, s.token, `burst-${i}`)),
    );
    const codes = answers.map((a) => a.statusCode);
    // Five free failures and the sixth that locks were checked; the other fourteen waited.
    expect(codes.filter((c) => c === 403)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(15);
    expect(await eventsOf(s.shareId, "access_failed")).toBe(6);
  });

  it("a new passcode: the old one and the browsers it opened are shut out, the lock goes; audited", async () => {
    const s = await guardedShare();
    const opened = new TestClient(t.app, { ip: nextIp() });
    expect((await attempt(opened, s.token, PASSCODE)).statusCode).toBe(200);
    expect((await opened.get(`/api/v1/shares/${s.token}`)).json().share.state).toBe("open");
    for (const client of [1, 2, 3].map(() => new TestClient(t.app, { ip: nextIp() })))
      for (let i = 0; i < 5; i++) await attempt(client, s.token, `y-${i}`);
    expect((await summaryOf(s.c, s.shareId)).status).toBe("locked");

    const changed = await s.c.post(`/api/v1/shares/${s.shareId}/passcode`, { passcode: "jonquille-7" });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().share).toMatchObject({ status: "active", hasPasscode: true });
    const audit = await t.core.stores.audit.list({
      institutionId: null,
      action: "share.passcode_changed",
      limit: 5,
    });
    const event = audit.find((e) => e.targetId === s.shareId);
    expect(event?.details).toMatchObject({ hadPasscode: true, wasLocked: true });
    expect(JSON.stringify(event)).not.toContain("jonquille");

    expect((await opened.get(`/api/v1/shares/${s.token}`)).json().share.state).toBe("locked");
    expect((await attempt(opened, s.token, PASSCODE)).statusCode).toBe(403);
    expect((await attempt(opened, s.token, "jonquille-7")).statusCode).toBe(200);
    expect((await opened.get(`/api/v1/shares/${s.token}`)).json().share.state).toBe("open");

    expect((await s.c.post(`/api/v1/shares/${s.shareId}/passcode`, { passcode: "abc" })).statusCode).toBe(
      400,
    );
    const email = await s.c.post("/api/v1/shares", {
      channel: "email",
      recipientEmail: `friend-${uniq()}@elsewhere.test`,
      documentIds: [s.document.id],
    });
    const onEmail = await s.c.post(`/api/v1/shares/${email.json().share.id}/passcode`, {
      passcode: "abcd-1",
    });
    expect(onEmail.statusCode).toBe(400);
    expect(onEmail.json().error.issues[0].path).toBe("passcode");
  });

  it("backs off wrong emailed codes and refuses to send a code while the share is locked", async () => {
    const u = await makeUser(t.core, { email: `learner-${uniq()}@home.test` });
    const rec = await makeLearner(t.core, inst);
    await t.core.stores.learners.linkUser(rec.id, u.user.id);
    const { document } = await makeDocument(t.core, inst, { learner: rec, type });
    const c = new TestClient(t.app);
    await c.signIn(u.email, u.password);
    const { share, link } = (
      await c.post("/api/v1/shares", {
        channel: "email",
        recipientEmail: `friend-${uniq()}@elsewhere.test`,
        documentIds: [document.id],
      })
    ).json();
    const token = link.split("/s/")[1];
    for (const client of [1, 2].map(() => new TestClient(t.app, { ip: nextIp() })))
      for (let i = 0; i < 5; i++)
        expect((await client.post(`/api/v1/shares/${token}/access`, { code: "00000000" })).statusCode).toBe(
          403,
        );
    const third = new TestClient(t.app, { ip: nextIp() });
    expect((await third.post(`/api/v1/shares/${token}/access`, { code: "00000000" })).statusCode).toBe(429);
    const send = await third.post(`/api/v1/shares/${token}/code`, { locale: "en" });
    expect(send.statusCode).toBe(429);
    expect(Number(send.headers["retry-after"])).toBeGreaterThan(250);
    expect((await summaryOf(c, share.id)).status).toBe("locked");
  });

  it("refuses the unlock and passcode routes to another learner, another institution's staff and anonymous callers", async () => {
    const s = await guardedShare();
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 5; j++)
        await attempt(new TestClient(t.app, { ip: `198.51.100.${i + 1}` }), s.token, "z");
    await attempt(new TestClient(t.app, { ip: nextIp() }), s.token, "z");
    const other = await guardedShare();
    const otherInst = await makeInstitution(t.core);
    const staff = await makeUser(t.core, { institutionId: otherInst.id });
    const staffClient = new TestClient(t.app);
    expect((await staffClient.signIn(staff.email, staff.password)).statusCode).toBe(200);
    const ownStaff = await makeUser(t.core, { institutionId: inst.id });
    const ownStaffClient = new TestClient(t.app);
    expect((await ownStaffClient.signIn(ownStaff.email, ownStaff.password)).statusCode).toBe(200);
    const anonymous = new TestClient(t.app);
    await Promise.all([other.c, staffClient, ownStaffClient, anonymous].map((c) => c.csrfToken()));
    await t.core.shareViews.flush();
    await t.runtime.startWorker().idle();
    const before = await snapshotDatabase(t.runtime.database);

    for (const outsider of [other.c, staffClient, ownStaffClient]) {
      expect((await outsider.post(`/api/v1/shares/${s.shareId}/unlock`)).statusCode).toBe(404);
      expect(
        (await outsider.post(`/api/v1/shares/${s.shareId}/passcode`, { passcode: "prise-1234" })).statusCode,
      ).toBe(404);
    }
    for (const id of [t.core.newId(), "not-a-uuid"]) {
      expect((await other.c.post(`/api/v1/shares/${id}/unlock`)).statusCode).toBe(404);
      expect(
        (await other.c.post(`/api/v1/shares/${id}/passcode`, { passcode: "prise-1234" })).statusCode,
      ).toBe(404);
    }
    // An anonymous caller is asked to sign in (401) before anything is looked up.
    expect((await anonymous.post(`/api/v1/shares/${s.shareId}/unlock`)).statusCode).toBe(401);
    expect(
      (await anonymous.post(`/api/v1/shares/${s.shareId}/passcode`, { passcode: "prise-1234" })).statusCode,
    ).toBe(401);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
    expect((await summaryOf(s.c, s.shareId)).status).toBe("locked");

    // Revoked: nothing to unlock any more.
    await s.c.post(`/api/v1/shares/${s.shareId}/revoke`);
    expect((await s.c.post(`/api/v1/shares/${s.shareId}/unlock`)).statusCode).toBe(409);
    expect(
      (await s.c.post(`/api/v1/shares/${s.shareId}/passcode`, { passcode: "prise-1234" })).statusCode,
    ).toBe(409);
  });
});
