import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../src/web/i18n/en.json" with { type: "json" };
import fr from "../../src/web/i18n/fr.json" with { type: "json" };
import { launchBrowser, submitSignIn } from "../support/browser.ts";
import { makeAudit } from "../support/e2e/make-audit.ts";
import { signIn } from "../support/e2e/sign-in.ts";
import { linkInRawMail, startE2eServer } from "../support/e2e-server.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import type { Backend } from "../support/test-database.ts";

/**
 * (d) A learner whose only address is their school's adds a personal one, confirms it from the
 * email received over SMTP, makes it primary, removes the school address, signs out and signs in
 * with the personal one.
 */
const RUNS: { lang: "fr" | "en"; browserLocale: string; backend: Backend; t: typeof en }[] = [
  { lang: "fr", browserLocale: "fr-CA", backend: "pglite", t: fr },
  { lang: "en", browserLocale: "en-CA", backend: "postgres", t: en },
];

const fill = (template: string, email: string) => template.replace("{{email}}", email);

describe.each(RUNS)(
  "secondary email addresses, in $lang on $backend",
  ({ lang, browserLocale, backend, t }) => {
    let server: Awaited<ReturnType<typeof startE2eServer>>;
    let browser: Browser;
    const a11y: Record<string, string[]> = {};
    const audit = makeAudit({ prefix: `e2e-${lang}-emails`, a11y, widths: [1280, 375] });

    beforeAll(async () => {
      server = await startE2eServer(backend);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it("adds, confirms, makes primary, removes the school address, then signs in with the personal one", async () => {
      const institution = await makeInstitution(server.core, `cegep-${uniq()}`);
      const school = `etu-${uniq()}@${institution.emailDomain}`;
      const personal = `perso-${uniq()}@home.example`;
      const { password } = await makeUser(server.core, { email: school });
      const context = await browser.newContext({ locale: browserLocale });
      const page = await context.newPage();

      await signIn(page, {
        url: server.url,
        labels: t.signIn,
        email: school,
        password,
        waitForUrl: "**/wallet",
      });
      // After signing in: the notice about institutional addresses, with a way to the profile.
      await page.getByText(t.account.emails.warningTitle).waitFor();
      await audit(page, "wallet-warning");
      await page.getByRole("link", { name: t.account.emails.warningAction }).click();
      await page.getByRole("heading", { level: 2, name: t.account.emails.title }).waitFor();
      await audit(page, "account");

      await page.getByLabel(t.account.emails.newAddress, { exact: true }).fill(personal);
      await page.getByRole("button", { name: t.account.emails.add }).click();
      await page.getByText(fill(t.account.emails.sent, personal)).waitFor();
      await page.getByText(t.account.emails.pending).waitFor();
      await audit(page, "account-pending");

      let mail: (typeof server.smtp.messages)[number] | undefined;
      for (let i = 0; i < 400 && !mail; i++) {
        mail = server.smtp.messages.find((m) => m.to.includes(personal));
        if (!mail) await new Promise((r) => setTimeout(r, 25));
      }
      if (!mail) throw new Error("no confirmation email");
      await page.goto(linkInRawMail(mail.raw, "/confirm-email#token="));
      await page.getByRole("heading", { level: 1, name: t.confirmEmail.doneTitle }).waitFor();
      expect(page.url()).not.toContain("token=");
      await audit(page, "confirmed");

      await page.getByRole("link", { name: t.confirmEmail.toAccount }).click();
      await page.getByRole("button", { name: `${t.account.emails.makePrimary} ${personal}` }).click();
      await page.getByText(fill(t.account.emails.madePrimary, personal)).waitFor();
      await page.getByRole("button", { name: `${t.account.emails.remove} ${school}` }).click();
      await page.getByText(fill(t.account.emails.removed, school)).waitFor();
      await expect.poll(() => page.getByText(t.account.emails.warningTitle).count()).toBe(0);
      await audit(page, "account-personal");

      await page.locator(".account-menu-button").click();
      await page.getByRole("button", { name: t.layout.signOut, exact: true }).click();
      await page.waitForURL("**/sign-in");

      // The school address no longer signs in; the personal one does, with no notice left.
      await submitSignIn(page, t.signIn, school, password);
      await page.getByRole("alert").waitFor();
      await signIn(page, {
        url: server.url,
        labels: t.signIn,
        email: personal,
        password,
        waitForUrl: "**/wallet",
      });
      await page.getByRole("heading", { level: 1, name: t.wallet.title }).waitFor();
      expect(await page.getByText(t.account.emails.warningTitle).count()).toBe(0);

      expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
      await context.close();
    });
  },
);
