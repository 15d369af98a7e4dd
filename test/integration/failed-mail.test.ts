import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, signedInClient, uniq } from "../support/factories.ts";
import { startSmtpSink } from "../support/smtp-sink.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { BACKENDS } from "../support/test-database.ts";

describe.each(BACKENDS)("failed emails on %s", (backend) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let refuse = true;
  beforeAll(async () => {
    smtp = await startSmtpSink({ rejects: (address) => refuse && address.startsWith("bounce") });
    t = await startTestApp(backend, { worker: true, configuredMailer: true, env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it("shows a bounced email to staff, who send it again once the address works; outsiders cannot", async () => {
    const inst = await makeInstitution(t.core);
    const staff = await signedInClient(t, { institutionId: inst.id, role: "issuer" });
    const learner = await makeLearner(t.core, inst, { personalEmail: `bounce-${uniq()}@example.test` });
    const type = await makeDocumentType(t.core, inst);
    const { document } = await makeDocument(t.core, inst, { learner, type });
    const settle = () => t.runtime.startWorker().idle();
    await settle();
    const revoke = await staff.post(`/api/v1/institutions/${inst.slug}/documents/${document.id}/revoke`, {
      reason: "Délivré par erreur.",
    });
    expect(revoke.statusCode).toBe(200);
    await settle();
    const dashboard = await staff.get(`/api/v1/institutions/${inst.slug}/dashboard`);
    const failed = dashboard.json().failedEmails;
    const revocationMail = failed.latest.find((f: { error: string }) => f.error.includes("bounced (550)"));
    expect(revocationMail).toMatchObject({ to: learner.personalEmail });

    // Another institution's admin: 404, nothing changes.
    const other = await makeInstitution(t.core);
    const outsider = await signedInClient(t, { institutionId: other.id });
    const before = await snapshotDatabase(t.runtime.database);
    const jobsBefore = JSON.stringify(
      await t.runtime.database.db.execute(sql`select * from jobs order by id`),
    );
    for (const slug of [inst.slug, other.slug])
      expect(
        (await outsider.post(`/api/v1/institutions/${slug}/failed-emails/${revocationMail.id}/resend`))
          .statusCode,
      ).toBe(404);
    expect(await snapshotDatabase(t.runtime.database)).toBe(before);
    expect(JSON.stringify(await t.runtime.database.db.execute(sql`select * from jobs order by id`))).toBe(
      jobsBefore,
    );

    refuse = false;
    const resend = await staff.post(
      `/api/v1/institutions/${inst.slug}/failed-emails/${revocationMail.id}/resend`,
    );
    expect(resend.statusCode).toBe(200);
    await settle();
    expect(smtp.messages.some((m) => m.to.includes(learner.personalEmail as string))).toBe(true);
    const after = (await staff.get(`/api/v1/institutions/${inst.slug}/dashboard`)).json().failedEmails;
    expect(after.latest.map((f: { id: string }) => f.id)).not.toContain(revocationMail.id);
    // Not failed any more: a second resend finds nothing to do.
    expect(
      (await staff.post(`/api/v1/institutions/${inst.slug}/failed-emails/${revocationMail.id}/resend`))
        .statusCode,
    ).toBe(404);
    const events = await t.core.stores.audit.list({
      institutionId: inst.id,
      action: "mail.resent",
      limit: 5,
    });
    expect(events[0]).toMatchObject({ targetId: revocationMail.id, details: { to: learner.personalEmail } });
  });
});
