import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../src/web/i18n/en.json" with { type: "json" };
import fr from "../../src/web/i18n/fr.json" with { type: "json" };
import { launchBrowser, seriousA11yViolations, submitSignIn } from "../support/browser.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { mailTo } from "../support/e2e/mail-to.ts";
import { makeAudit } from "../support/e2e/make-audit.ts";
import { takeScreenshots } from "../support/e2e/take-screenshots.ts";
import { startE2eServer } from "../support/e2e-server.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import type { Backend } from "../support/test-database.ts";

/** A learner pays on the development gateway's test checkout to unlock a document, then downloads it. */
const RUNS: { lang: "fr" | "en"; browserLocale: string; backend: Backend; t: typeof en; price: RegExp }[] = [
  { lang: "fr", browserLocale: "fr-CA", backend: "pglite", t: fr, price: /12,50\s\$/ },
  { lang: "en", browserLocale: "en-CA", backend: "postgres", t: en, price: /\$12\.50/ },
];

describe.each(RUNS)(
  "unlocking a priced document, in $lang on $backend",
  ({ lang, browserLocale, backend, t, price }) => {
    let server: Awaited<ReturnType<typeof startE2eServer>>;
    let browser: Browser;
    const a11y: Record<string, string[]> = {};
    const audit = makeAudit({ prefix: `e2e-${lang}-unlock`, a11y, widths: [1280, 375] });

    beforeAll(async () => {
      server = await startE2eServer(backend, { worker: true });
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it("shows the price, pays on the test checkout, returns unlocked, downloads the signed PDF and gets the receipt", async () => {
      const core = server.core;
      const inst = await makeInstitution(core);
      const type = await makeDocumentType(core, inst);
      await core.stores.documentTypes.update(inst.id, type.id, { unlockFeeCents: 1250 });
      const u = await makeUser(core, { email: `payer-${uniq()}@home.test` });
      await core.stores.users.update(u.user.id, { locale: lang });
      const learner = await makeLearner(core, inst);
      await core.stores.learners.linkUser(learner.id, u.user.id);
      const title = `Diplôme ${uniq()}`;
      const { bytes } = await makeDocument(core, inst, { learner, type, title });

      const context = await browser.newContext({ locale: browserLocale, acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(`${server.url}/sign-in`);
      await submitSignIn(page, t.signIn, u.email, u.password);
      await page.waitForURL("**/wallet");

      const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
      const unlock = card.getByRole("button", { name: price });
      await unlock.waitFor();
      expect(await card.getByRole("link", { name: new RegExp(t.payments.download) }).count()).toBe(0);
      await audit(page, "wallet-locked");

      await unlock.click();
      await page.waitForURL("**/payments/test-checkout/**");
      await page.getByText("TEST — no money moves").waitFor();
      a11y.checkout = await seriousA11yViolations(page);
      await takeScreenshots(page, `e2e-${lang}-unlock-checkout`);
      await page.getByRole("button", { name: /Payer/ }).click();
      await page.waitForURL("**/wallet?payment=*&checkout=done");

      const status = page.getByRole("status").filter({ hasText: /R-\d{4}-/ });
      await status.waitFor();
      const receipt = /R-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec((await status.textContent()) ?? "")?.[0];
      expect(receipt).toBeTruthy();
      await card.getByText(t.payments.unlocked, { exact: true }).waitFor();
      await audit(page, "wallet-paid");

      const downloadLink = card.getByRole("link", { name: new RegExp(t.payments.download) });
      const [download] = await Promise.all([page.waitForEvent("download"), downloadLink.click()]);
      const path = await download.path();
      expect(Buffer.from(await readFile(path)).equals(Buffer.from(bytes))).toBe(true);

      await page.getByRole("link", { name: t.payments.historyLink }).first().click();
      await page.waitForURL("**/wallet/payments");
      const row = page.getByRole("row").filter({ hasText: receipt ?? "none" });
      await row.waitFor();
      expect(await row.textContent()).toContain(t.payments.status.paid);
      expect(await row.textContent()).toMatch(price);
      await audit(page, "payments");

      const mail = await mailTo(server.smtp, u.email, (text) => text.includes(receipt ?? "none"));
      expect(mail.to).toContain(u.email);

      // Back from a cancelled checkout: nothing charged.
      await page.goto(`${server.url}/wallet?payment=${crypto.randomUUID()}&checkout=cancelled`);
      await page.getByText(t.payments.return.cancelled).waitFor();
      await audit(page, "wallet-cancelled");
      await context.close();

      for (const [name, violations] of Object.entries(a11y)) expect(violations, name).toEqual([]);
    });
  },
);
