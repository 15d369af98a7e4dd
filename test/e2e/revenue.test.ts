import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../src/web/i18n/en.json" with { type: "json" };
import fr from "../../src/web/i18n/fr.json" with { type: "json" };
import { launchBrowser } from "../support/browser.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeAudit } from "../support/e2e/make-audit.ts";
import { signIn } from "../support/e2e/sign-in.ts";
import { startE2eServer } from "../support/e2e-server.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import type { Backend } from "../support/test-database.ts";

const RUNS: { lang: "fr" | "en"; browserLocale: string; backend: Backend; t: typeof en }[] = [
  { lang: "fr", browserLocale: "fr-CA", backend: "pglite", t: fr },
  { lang: "en", browserLocale: "en-CA", backend: "postgres", t: en },
];

describe.each(RUNS)(
  "an institution's revenue page, in $lang on $backend",
  ({ lang, browserLocale, backend, t }) => {
    let server: Awaited<ReturnType<typeof startE2eServer>>;
    let browser: Browser;

    /** axe, and screenshots at a desktop and a phone width. */
    const check = makeAudit({ prefix: `e2e-${lang}`, widths: [1280, 375] });

    beforeAll(async () => {
      server = await startE2eServer(backend);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it("shows administrators the fees by document type and purpose, with totals and the CSV export; issuers see no tab", async () => {
      const inst = await makeInstitution(server.core);
      const type = await makeDocumentType(server.core, inst);
      const learnerUser = await makeUser(server.core);
      const learner = await makeLearner(server.core, inst);
      const { document } = await makeDocument(server.core, inst, {
        learner,
        type,
        title: `Diplôme ${uniq()}`,
      });
      const now = new Date();
      const pay = async (amountCents: number, refund: boolean) => {
        const p = await server.core.stores.payments.create(
          {
            userId: learnerUser.user.id,
            institutionId: inst.id,
            documentId: document.id,
            purpose: "unlock",
            amountCents,
            currency: "CAD",
            gateway: "development",
            intent: {},
            expiresAt: new Date(now.getTime() + 30 * 60_000),
          },
          now,
        );
        await server.core.stores.payments.markPaid(p.id, {
          gatewayPaymentId: null,
          receiptNumber: `R-${uniq()}`,
          now,
        });
        if (refund) await server.core.stores.payments.markRefunded(p.id, now);
      };
      await pay(1250, false);
      await pay(1250, false);
      await pay(1250, true);
      const admin = await makeUser(server.core, { institutionId: inst.id, role: "institution_admin" });

      const ctx = await browser.newContext({ locale: browserLocale });
      const page = await ctx.newPage();
      await signIn(page, { url: server.url, email: admin.email, password: admin.password, locale: lang });
      await page.goto(`${server.url}/institutions/${inst.slug}`);
      await page.getByRole("link", { name: t.institutionTabs.revenue }).click();
      await page.waitForURL(/\/revenue$/);
      const money = (cents: number) =>
        new Intl.NumberFormat(browserLocale, { style: "currency", currency: "CAD" }).format(cents / 100);
      const row = page.getByRole("row", { name: new RegExp(lang === "fr" ? type.nameFr : type.nameEn) });
      await row.waitFor();
      // Three received (37.50), one refunded (12.50), net 25.00.
      const cells = (await row.locator("td").allInnerTexts()).map((s) => s.replace(/\s/g, " "));
      expect(cells.slice(1)).toEqual([
        t.payments.purpose.unlock,
        "3",
        money(3750).replace(/\s/g, " "),
        "1",
        money(1250).replace(/\s/g, " "),
        money(2500).replace(/\s/g, " "),
      ]);
      await page.getByRole("rowheader", { name: t.revenue.total.replace("{{currency}}", "CAD") }).waitFor();
      const href = await page.getByRole("link", { name: t.revenue.csv }).getAttribute("href");
      expect(href).toMatch(
        new RegExp(`^/api/v1/institutions/${inst.slug}/revenue\\.csv\\?from=\\d{4}-\\d{2}-\\d{2}&to=`),
      );
      const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href as string);
      expect(csv.split("\r\n")[0]).toContain("paid_amount");
      expect(csv).toContain("37.50");
      expect(await check(page, "revenue")).toEqual([]);

      // The payments, newest first: refund the paid one after confirming.
      const payments = page.getByRole("table", { name: t.revenue.paymentsTitle });
      const rowsWith = (status: string) => payments.getByRole("row").filter({ hasText: status }).count();
      expect(await rowsWith(t.payments.status.paid)).toBe(2);
      await payments
        .getByRole("row")
        .filter({ hasText: t.payments.status.paid })
        .first()
        .getByRole("button", { name: new RegExp(`^${t.revenue.refund}`) })
        .click();
      const dialog = page.getByRole("dialog");
      await dialog.waitFor();
      expect(await check(page, "revenue-refund-dialog")).toEqual([]);
      await dialog
        .getByRole("button", { name: t.revenue.refundConfirm.replace("{{amount}}", money(1250)) })
        .click();
      await dialog.waitFor({ state: "hidden" });
      await expect.poll(() => rowsWith(t.payments.status.refunded)).toBe(2);
      expect(await rowsWith(t.payments.status.paid)).toBe(1);

      // A period without payments.
      await page.getByLabel(t.revenue.from, { exact: true }).fill("2020-01-01");
      await page.getByLabel(t.revenue.to, { exact: true }).fill("2020-01-31");
      await page.getByRole("button", { name: t.revenue.apply }).click();
      await page.getByText(t.revenue.empty).waitFor();
      expect(await check(page, "revenue-empty")).toEqual([]);
      await ctx.close();

      // Issuers (staff who are not administrators) see no Revenue tab, and the page is not theirs.
      const staff = await makeUser(server.core, { institutionId: inst.id, role: "issuer" });
      const staffCtx = await browser.newContext({ locale: browserLocale });
      const staffPage = await staffCtx.newPage();
      await signIn(staffPage, {
        url: server.url,
        email: staff.email,
        password: staff.password,
        locale: lang,
      });
      await staffPage.goto(`${server.url}/institutions/${inst.slug}`);
      await staffPage.getByRole("link", { name: t.institutionTabs.documents, exact: true }).waitFor();
      expect(await staffPage.getByRole("link", { name: t.institutionTabs.revenue }).count()).toBe(0);
      await staffCtx.close();
    });
  },
);
