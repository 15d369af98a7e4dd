import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxMailer } from "../../src/adapters/mail/outbox-mailer.ts";
import { smtpMailer } from "../../src/adapters/mail/smtp-mailer.ts";
import { makeUser } from "../support/factories.ts";
import { startSmtpSink } from "../support/smtp-sink.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { TestClient } from "../support/test-client.ts";

const message = {
  to: "etudiante@example.test",
  subject: "Réinitialiser / Reset",
  text: "Bonjour — Hello",
  html: "<p>Bonjour — Hello</p>",
};

describe("mail adapters", () => {
  it("sends text and HTML through a real SMTP server on loopback", async () => {
    const sink = await startSmtpSink();
    const mailer = smtpMailer(sink.url, "Sceau <no-reply@sceau.test>");
    try {
      await mailer.send(message);
      const got = await sink.waitFor(message.to);
      expect(got.from).toBe("no-reply@sceau.test");
      expect(got.raw).toMatch(/Content-Type: text\/plain/i);
      expect(got.raw).toMatch(/Content-Type: text\/html/i);
      expect(got.raw).toContain("=?UTF-8?");
    } finally {
      mailer.close();
      await sink.close();
    }
  });

  it("keeps development mail as files, lists newest first, and refuses path tricks", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sceau-outbox-"));
    try {
      const outbox = outboxMailer(dir, "Sceau <no-reply@sceau.test>");
      await outbox.send(message);
      await new Promise((r) => setTimeout(r, 5));
      await outbox.send({ ...message, subject: "Second" });
      const list = await outbox.list();
      expect(list.map((m) => m.subject)).toEqual(["Second", message.subject]);
      const full = await outbox.get(list[1]?.id ?? "");
      expect(full).toMatchObject({ ...message, from: "Sceau <no-reply@sceau.test>" });
      expect(await outbox.get("../../etc/passwd")).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the server's mail through SMTP_URL and the development outbox", () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
  });

  it("sends a password reset email over SMTP when SMTP_URL is set, and has no outbox page", async () => {
    const t = await startTestApp("pglite", {
      env: { NODE_ENV: "development", SMTP_URL: sink.url },
      configuredMailer: true,
    });
    try {
      const { email } = await makeUser(t.core);
      const res = await new TestClient(t.app).post("/api/v1/auth/password-reset", { email });
      expect(res.statusCode).toBe(202);
      const got = await sink.waitFor(email);
      expect(got.raw).toContain("/reset-password#token=");
      expect((await t.app.inject({ method: "GET", url: "/api/v1/dev/outbox" })).statusCode).toBe(404);
      expect((await t.app.inject({ method: "GET", url: "/api/v1/meta" })).json().devOutbox).toBe(false);
    } finally {
      await t.close();
    }
  });

  it("shows development mail on the outbox routes, and the HTML in a sandbox", async () => {
    const t = await startTestApp("pglite", { env: { NODE_ENV: "development" }, configuredMailer: true });
    try {
      expect((await t.app.inject({ method: "GET", url: "/api/v1/meta" })).json().devOutbox).toBe(true);
      const { email } = await makeUser(t.core);
      await new TestClient(t.app).post("/api/v1/auth/password-reset", { email });
      let list: { id: string; to: string }[] = [];
      for (let i = 0; i < 100 && list.length === 0; i++) {
        list = (await t.app.inject({ method: "GET", url: "/api/v1/dev/outbox" })).json().messages;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(list[0]?.to).toBe(email);
      const one = (await t.app.inject({ method: "GET", url: `/api/v1/dev/outbox/${list[0]?.id}` })).json()
        .message;
      expect(one.text).toContain("/reset-password#token=");
      const html = await t.app.inject({ method: "GET", url: `/api/v1/dev/outbox/${list[0]?.id}/html` });
      expect(html.headers["content-type"]).toMatch(/text\/html/);
      expect(String(html.headers["content-security-policy"])).toContain("sandbox");
    } finally {
      await t.close();
    }
  });
});

describe("mail in the test environment", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite");
  });
  afterAll(async () => t?.close());
  it("has no outbox route when mail goes elsewhere", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/v1/dev/outbox" })).statusCode).toBe(404);
  });
});
