import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../src/web/i18n/en.json" with { type: "json" };
import fr from "../../src/web/i18n/fr.json" with { type: "json" };
import { launchBrowser } from "../support/browser.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { mailTo } from "../support/e2e/mail-to.ts";
import { makeAudit } from "../support/e2e/make-audit.ts";
import { qpDecode } from "../support/e2e/qp-decode.ts";
import { linkInRawMail, startE2eServer } from "../support/e2e-server.ts";
import { makeInstitution, uniq } from "../support/factories.ts";
import type { Backend } from "../support/test-database.ts";

/** A learner claims their documents with the emailed access code and password, keyboard only. */
const RUNS: { lang: "fr" | "en"; browserLocale: string; backend: Backend; t: typeof en }[] = [
  { lang: "fr", browserLocale: "fr-CA", backend: "pglite", t: fr },
  { lang: "en", browserLocale: "en-CA", backend: "postgres", t: en },
];

/** Presses Tab until the element has the focus (keyboard only, as a person would). */
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("could not reach the element with Tab");
}

describe.each(RUNS)(
  "the access-code claim journey, in $lang on $backend",
  ({ lang, browserLocale, backend, t }) => {
    let server: Awaited<ReturnType<typeof startE2eServer>>;
    let browser: Browser;
    const a11y: Record<string, string[]> = {};
    const audit = makeAudit({ prefix: `e2e-${lang}-claim`, a11y });
    /** The decoded text of the first message to `to` that matches. */

    beforeAll(async () => {
      server = await startE2eServer(backend, { worker: true });
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it("opens the claim link, creates the account, activates it and sees the wallet", async () => {
      const institution = await makeInstitution(server.core, `cegep-${uniq()}`);
      const type = await makeDocumentType(server.core, institution);
      const email = `lea-${uniq()}@home.example`;
      const learner = await makeLearner(server.core, institution, {
        givenName: "Léa",
        personalEmail: email,
        locale: lang,
      });
      const title = `Diplôme d'études collégiales ${uniq()}`;
      await makeDocument(server.core, institution, { learner, type, title });

      const codeMail = await mailTo(server.smtp, email, (text) => text.includes("/claim#code="));
      const link = linkInRawMail(codeMail.raw, "/claim#code=");
      const passwordMail = await mailTo(
        server.smtp,
        email,
        (text) => !text.includes("/claim#code=") && /\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b/.test(text),
      );
      const password = /\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(
        qpDecode(passwordMail.raw),
      )?.[1] as string;
      const code = new URL(link).hash.replace("#code=", "");

      const context = await browser.newContext({ locale: browserLocale });
      const page = await context.newPage();
      await page.goto(link);
      await page.getByRole("heading", { level: 1, name: t.claim.title }).waitFor();
      // The code came in the fragment, never sent to the server, and leaves the address bar.
      expect(page.url()).not.toContain("code=");
      const codeField = page.getByLabel(t.claim.code, { exact: true });
      expect(await codeField.inputValue()).toBe(code.match(/.{1,4}/g)?.join("-"));
      await audit(page, "code");

      // A wrong password: the error is announced, the same for every failure.
      const passwordField = page.getByLabel(t.claim.password, { exact: true });
      await tabTo(page, passwordField);
      await page.keyboard.type("AAAA-BBBB-CCCC");
      await page.keyboard.press("Enter");
      await page.getByRole("alert").waitFor();
      await audit(page, "code-error");

      await tabTo(page, passwordField);
      await page.keyboard.type(password.toLowerCase());
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: t.claim.accountTitle }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      expect(await page.getByLabel(t.claim.email, { exact: true }).inputValue()).toBe(email);
      await audit(page, "account");

      // Submitting without the terms: announced, nothing sent.
      const mine = "ma phrase de passe à moi";
      await tabTo(page, page.getByLabel(t.claim.newPassword, { exact: true }));
      await page.keyboard.type(mine);
      await page.keyboard.press("Tab");
      await page.keyboard.type(mine);
      const submit = page.getByRole("button", { name: t.claim.accountSubmit });
      await tabTo(page, submit);
      await page.keyboard.press("Enter");
      await page.getByText(t.claim.termsRequired).waitFor();
      await tabTo(page, page.getByRole("checkbox", { name: t.claim.acceptTerms }));
      await page.keyboard.press("Space");
      await tabTo(page, submit);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: t.claim.sentTitle }).waitFor();
      await page.getByText(t.claim.sentBody.replace("{{email}}", email)).waitFor();
      await audit(page, "sent");

      const activation = await mailTo(server.smtp, email, (text) => text.includes("/activate#token="));
      await page.goto(linkInRawMail(activation.raw, "/activate#token="));
      await page.waitForURL("**/wallet");
      await page.getByRole("heading", { level: 1, name: t.wallet.title }).waitFor();
      await page.getByRole("heading", { level: 2, name: title }).waitFor();
      await page.getByText(t.wallet.statusText.active).waitFor();
      expect(
        await page.getByRole("link", { name: new RegExp(t.wallet.publicRecord) }).getAttribute("href"),
      ).toMatch(/^\/v\/[0-9a-f-]{36}$/);
      await audit(page, "wallet");

      await page.goto(`${server.url}/terms`);
      await page.getByRole("heading", { level: 1, name: t.legal.termsTitle }).waitFor();
      await audit(page, "terms");
      await page.goto(`${server.url}/privacy`);
      await page.getByRole("heading", { level: 1, name: t.legal.privacyTitle }).waitFor();
      await audit(page, "privacy");

      expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
      await context.close();
    });
  },
);
