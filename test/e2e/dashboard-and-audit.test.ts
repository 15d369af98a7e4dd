import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditAction } from "../../src/core/audit/audit.types.ts";
import en from "../../src/web/i18n/en.json" with { type: "json" };
import fr from "../../src/web/i18n/fr.json" with { type: "json" };
import { launchBrowser } from "../support/browser.ts";
import { makeAudit } from "../support/e2e/make-audit.ts";
import { signIn } from "../support/e2e/sign-in.ts";
import { startE2eServer } from "../support/e2e-server.ts";
import { makeInstitution, makeUser } from "../support/factories.ts";
import { issuanceRows } from "../support/issuance-rows.ts";
import type { Backend } from "../support/test-database.ts";

const RUNS: { lang: "fr" | "en"; browserLocale: string; backend: Backend; t: typeof en }[] = [
  { lang: "fr", browserLocale: "fr-CA", backend: "pglite", t: fr },
  { lang: "en", browserLocale: "en-CA", backend: "postgres", t: en },
];

const DAY = 24 * 60 * 60 * 1000;
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));

describe.each(RUNS)(
  "dashboard and audit trail, in $lang on $backend",
  ({ lang, browserLocale, backend, t }) => {
    let server: Awaited<ReturnType<typeof startE2eServer>>;
    let browser: Browser;
    const a11y: Record<string, string[]> = {};

    /** axe at the current state, and screenshots at a desktop and a phone width. */
    const check = makeAudit({ prefix: `e2e-${lang}-dashboard`, a11y, widths: [1280, 375] });

    beforeAll(async () => {
      server = await startE2eServer(backend);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it("shows an administrator the figures, the chart, batches, failed emails and a filterable audit trail", async () => {
      const institution = await makeInstitution(server.core);
      const slug = institution.slug;
      const admin = await makeUser(server.core, { institutionId: institution.id, role: "institution_admin" });
      const rows = issuanceRows(server.database.db, institution.id);
      const noon = new Date(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`).getTime();
      const claimedBy = await makeUser(server.core);
      const claimed = await rows.learner({ userId: claimedBy.user.id });
      const other = await rows.learner();
      for (const [daysAgo, count] of [
        [0, 3],
        [2, 1],
        [6, 5],
        [13, 2],
        [27, 4],
      ] as const)
        for (let i = 0; i < count; i++)
          await rows.document({
            createdAt: new Date(noon - daysAgo * DAY),
            learnerId: i % 2 ? claimed : other,
          });
      await rows.document({ createdAt: new Date(noon - DAY), learnerId: other, status: "revoked" });
      await rows.invitation(claimed, "claimed");
      await rows.invitation(other, "queued");
      await rows.invitation(await rows.learner(), "failed");
      const type = await rows.documentType();
      const batch = await rows.batch({
        createdAt: new Date(noon - DAY),
        items: {
          learnerId: claimed,
          documentTypeId: type,
          statuses: ["issued", "issued", "failed", "skipped"],
        },
      });
      await rows.mailJob({
        to: "emilie.cote@example.test",
        state: "failed",
        error: "550 5.1.1 mailbox unavailable",
        finishedAt: new Date(noon - DAY),
      });
      // 55 events: more than one page of the trail (50).
      for (let i = 0; i < 55; i++) {
        const action: AuditAction = i % 5 === 0 ? "staff.invited" : "document.signed";
        await server.core.stores.audit.append(
          {
            institutionId: institution.id,
            actorUserId: admin.user.id,
            actorLabel: admin.email,
            action,
            targetType: action === "staff.invited" ? "invitation" : "document",
            targetId: `target-${i}`,
            details: action === "staff.invited" ? { email: `staff-${i}@example.test`, role: "issuer" } : {},
            ip: "203.0.113.7",
          },
          new Date(noon - (55 - i) * 60_000),
        );
      }

      const context = await browser.newContext({ locale: browserLocale });
      const page = await context.newPage();
      await signIn(page, { url: server.url, email: admin.email, password: admin.password, labels: t.signIn });
      await page.waitForURL(`**/institutions/${slug}`);
      const name = lang === "fr" ? institution.nameFr : institution.nameEn;
      await page.getByRole("heading", { level: 1, name: fill(t.dashboard.pageTitle, { name }) }).waitFor();
      const tabs = page.getByRole("navigation", { name: t.institutionTabs.label });
      expect(
        await tabs.getByRole("link", { name: t.institutionTabs.overview }).getAttribute("aria-current"),
      ).toBe("page");

      // Figures: 15 issued plus 1 revoked; the chart's summary names the total and the busiest day.
      const issuedCard = page.getByRole("listitem").filter({ hasText: t.dashboard.issued });
      await expect.poll(() => issuedCard.locator(".figure-value").textContent()).toBe("16");
      await page.getByText(t.dashboard.sharedUnavailable).waitFor();
      // The chart is an image named by its visible one-sentence summary.
      const chart = page.locator("figure.issued-chart svg[role='img']");
      const summaryId = (await chart.getAttribute("aria-labelledby")) ?? "";
      expect(await page.locator(`[id="${summaryId}"]`).textContent()).toContain("16");
      expect(await page.locator("figcaption").textContent()).toContain("16");
      expect(
        await page.getByRole("table", { name: t.dashboard.chartTableCaption }).locator("tbody tr").count(),
      ).toBe(30);
      const batchLink = page.getByRole("table", { name: t.batches.recentCaption }).getByRole("link");
      expect(await batchLink.getAttribute("href")).toBe(`/institutions/${slug}/batches/${batch}`);
      const failed = page.getByRole("table", { name: t.dashboard.failedCaption });
      await failed.getByRole("cell", { name: "emilie.cote@example.test", exact: true }).waitFor();
      await failed
        .getByRole("button", { name: `${t.dashboard.failedResend} emilie.cote@example.test` })
        .waitFor();
      await check(page, "dashboard");

      // The audit trail: plain words, details folded, filter by action, older events on demand.
      await tabs.getByRole("link", { name: t.institutionTabs.audit }).click();
      await page.getByRole("heading", { level: 1, name: fill(t.audit.pageTitle, { name }) }).waitFor();
      const table = page.getByRole("table", { name: t.audit.caption });
      await table.waitFor();
      expect(await table.locator("tbody tr").count()).toBe(50);
      await table.getByText(t.auditActions.staff.invited).first().waitFor();
      await table
        .getByText(fill(t.audit.showDetails, { count: 2 }))
        .first()
        .click();
      await table.getByText("staff-50@example.test").waitFor();
      await check(page, "audit");
      await page.getByRole("button", { name: t.audit.loadOlder }).click();
      await expect.poll(() => table.locator("tbody tr").count()).toBe(55);
      await page.getByText(t.audit.end).waitFor();

      await page.getByLabel(t.audit.action, { exact: true }).selectOption("staff.invited");
      await page.getByRole("button", { name: t.audit.apply }).click();
      await expect.poll(() => table.locator("tbody tr").count()).toBe(11);
      const exportHref = await page.getByRole("link", { name: t.audit.export }).getAttribute("href");
      expect(exportHref).toBe(`/api/v1/institutions/${slug}/audit.csv?action=staff.invited`);
      const csv = await page.evaluate(async (href) => (await fetch(href ?? "")).text(), exportHref);
      expect(csv.trim().split("\r\n")).toHaveLength(12);
      await check(page, "audit-filtered");

      expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
      await context.close();
    });

    it("gives the operator the whole portal's trail from the console menu", async () => {
      const operator = await makeUser(server.core, { operator: true });
      const context = await browser.newContext({ locale: browserLocale });
      const page = await context.newPage();
      await signIn(page, {
        url: server.url,
        email: operator.email,
        password: operator.password,
        labels: t.signIn,
      });
      await page.waitForURL("**/operator/institutions");
      await page
        .getByRole("navigation", { name: t.nav.label })
        .getByRole("link", { name: t.nav.audit })
        .click();
      await page.getByRole("heading", { level: 1, name: t.audit.portalTitle }).waitFor();
      const table = page.getByRole("table", { name: t.audit.caption });
      await table.waitFor();
      await table.getByRole("columnheader", { name: t.audit.institution }).waitFor();
      expect(await table.locator("tbody tr").count()).toBeGreaterThan(0);
      await check(page, "operator-audit");
      expect(a11y["operator-audit"]).toEqual([]);
      await context.close();
    });
  },
);
