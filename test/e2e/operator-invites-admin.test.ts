import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../src/web/i18n/en.json" with { type: "json" };
import fr from "../../src/web/i18n/fr.json" with { type: "json" };
import { launchBrowser, submitSignIn } from "../support/browser.ts";
import { makeAudit } from "../support/e2e/make-audit.ts";
import { linkInRawMail, startE2eServer } from "../support/e2e-server.ts";
import { makeUser, uniq } from "../support/factories.ts";
import type { Backend } from "../support/test-database.ts";

/** One run per language, on each database: the operator invites an institution's first administrator. */
const RUNS: { lang: "fr" | "en"; browserLocale: string; backend: Backend; t: typeof en }[] = [
  { lang: "fr", browserLocale: "fr-CA", backend: "pglite", t: fr },
  { lang: "en", browserLocale: "en-CA", backend: "postgres", t: en },
];

describe.each(RUNS)(
  "operator → institution → invited admin, in $lang on $backend",
  ({ lang, browserLocale, backend, t }) => {
    let server: Awaited<ReturnType<typeof startE2eServer>>;
    let browser: Browser;
    const a11y: Record<string, string[]> = {};

    const audit = makeAudit({ prefix: `e2e-${lang}-operator`, a11y });

    beforeAll(async () => {
      server = await startE2eServer(backend);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it("works end to end, speaks the browser's language, and has no serious accessibility violation", async () => {
      const operator = await makeUser(server.core, { operator: true });
      const slug = `cegep-${uniq()}`;
      const adminEmail = `registraire-${uniq()}@example.test`;

      // The operator signs in.
      const opContext = await browser.newContext({ locale: browserLocale });
      const page = await opContext.newPage();
      await page.goto(`${server.url}/sign-in`);
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      await audit(page, "sign-in");
      await submitSignIn(page, t.signIn, operator.email, operator.password);

      // Institutions list → new institution.
      await page.getByRole("heading", { level: 1, name: t.institutions.title }).waitFor();
      await audit(page, "institutions");
      await page.getByRole("link", { name: t.institutions.new }).click();
      await page.getByRole("heading", { level: 1, name: t.institutions.newTitle }).waitFor();
      await audit(page, "new-institution");
      await page.getByLabel(t.institutionForm.slug, { exact: true }).fill(slug);
      await page.getByLabel(t.institutionForm.nameFr, { exact: true }).fill("Cégep du Vieux-Port");
      await page.getByLabel(t.institutionForm.nameEn, { exact: true }).fill("Old Port College");
      await page.getByLabel(t.institutionForm.emailDomain, { exact: true }).fill("vieuxport.example.ca");
      await page.getByRole("button", { name: t.institutionForm.create }).click();

      // The institution page: invite its first administrator.
      await page
        .getByRole("heading", { level: 1, name: lang === "fr" ? "Cégep du Vieux-Port" : "Old Port College" })
        .waitFor();
      await audit(page, "institution");
      await page.getByLabel(t.staff.inviteEmail, { exact: true }).fill(adminEmail);
      await page.getByRole("button", { name: t.staff.inviteSubmit }).click();
      await page.getByText(t.staff.invited.replace("{{email}}", adminEmail)).waitFor();

      // The invitation arrives at a real SMTP server, in both languages, the browser's language first.
      const mail = await server.smtp.waitFor(adminEmail);
      const link = linkInRawMail(mail.raw, "/invitation#token=");
      expect(link.startsWith(server.url)).toBe(true);

      // The admin, in another browser, opens the link, sets a password, and is signed in.
      const adminContext = await browser.newContext({ locale: browserLocale });
      const adminPage = await adminContext.newPage();
      await adminPage.goto(link);
      await adminPage.getByRole("heading", { level: 1, name: t.invitation.title }).waitFor();
      expect(adminPage.url()).not.toContain("token=");
      await audit(adminPage, "invitation");
      await adminPage.getByLabel(t.invitation.displayName, { exact: true }).fill("Marie Tremblay");
      await adminPage.getByLabel(t.invitation.password, { exact: true }).fill("une phrase de passe solide");
      await adminPage
        .getByLabel(t.invitation.confirmation, { exact: true })
        .fill("une phrase de passe solide");
      await adminPage.getByRole("button", { name: t.invitation.submit }).click();
      await adminPage.waitForURL(`**/institutions/${slug}`);
      // The overview comes first; the staff have their own tab.
      await adminPage
        .getByRole("navigation", { name: t.institutionTabs.label })
        .getByRole("link", { name: t.institutionTabs.staff })
        .click();
      await adminPage.waitForURL(`**/institutions/${slug}/staff`);
      await adminPage.getByRole("heading", { level: 1 }).waitFor();
      await audit(adminPage, "admin-institution");
      expect(await adminPage.getByRole("cell", { name: adminEmail }).count()).toBe(1);

      // Signed in for real: the session cookie works on the API.
      const me = await adminPage.evaluate(async () => (await fetch("/api/v1/auth/me")).json());
      expect(me.user.memberships[0]).toMatchObject({ role: "institution_admin", institution: { slug } });

      expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
      await opContext.close();
      await adminContext.close();
    });
  },
);
