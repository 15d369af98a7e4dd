import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSTITUTION_PROVIDER_KEY } from "../../src/core/sign-on/sign-on.types.ts";
import en from "../../src/web/i18n/en.json" with { type: "json" };
import fr from "../../src/web/i18n/fr.json" with { type: "json" };
import { launchBrowser } from "../support/browser.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeAudit } from "../support/e2e/make-audit.ts";
import { startE2eServer } from "../support/e2e-server.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import { startTestOidcProvider, type TestOidcProvider } from "../support/oidc-test-provider.ts";
import type { Backend } from "../support/test-database.ts";

/** (a) institution sign-on over OpenID Connect and (e) a linked "social" account, against oidc-provider on loopback. */
const RUNS: { lang: "fr" | "en"; browserLocale: string; backend: Backend; t: typeof en }[] = [
  { lang: "fr", browserLocale: "fr-CA", backend: "pglite", t: fr },
  { lang: "en", browserLocale: "en-CA", backend: "postgres", t: en },
];

describe.each(RUNS)(
  "OIDC sign-on in Chromium, in $lang on $backend",
  ({ lang, browserLocale, backend, t }) => {
    let server: Awaited<ReturnType<typeof startE2eServer>>;
    let idp: TestOidcProvider;
    let social: TestOidcProvider;
    let browser: Browser;
    const a11y: Record<string, string[]> = {};
    const audit = makeAudit({ prefix: `e2e-${lang}-oidc`, a11y, widths: [1280, 375] });
    /** The provider's own development login page: any password, the login is the account's sub. */
    const providerLogin = async (page: Page, sub: string) => {
      await page.locator('input[name="login"]').fill(sub);
      await page.locator('input[name="password"]').fill("any password");
      await page.locator('button[type="submit"]').click();
    };

    beforeAll(async () => {
      server = await startE2eServer(backend);
      const callback = `${server.url}/api/v1/sign-on/oidc/callback`;
      [idp, social] = await Promise.all([
        startTestOidcProvider({ redirectUris: [callback] }),
        startTestOidcProvider({ redirectUris: [callback], clientId: "sceau-social" }),
      ]);
      browser = await launchBrowser();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      await Promise.all([idp?.close(), social?.close()]);
      await server?.close();
    });

    it("(a) an administrator configures and tests the sign-on; a learner signs in with it and sees the document; (e) links an account and signs in with it", async () => {
      const institution = await makeInstitution(server.core, `cegep-${uniq()}`);
      const type = await makeDocumentType(server.core, institution);
      const learner = await makeLearner(server.core, institution, { givenName: "Léa", locale: lang });
      const title = `Diplôme d'études collégiales ${uniq()}`;
      await makeDocument(server.core, institution, { learner, type, title });
      const sub = `lea-${uniq()}`;
      idp.setAccount(sub, { email: learner.institutionalEmail, student_number: learner.studentNumber });
      const googleSub = `g-${uniq()}`;
      social.setAccount(googleSub, { email: `lea.${uniq()}@gmail.example` });
      const admin = await makeUser(server.core, { institutionId: institution.id, role: "institution_admin" });
      const operator = await makeUser(server.core, { operator: true });

      // The administrator configures the institution's OIDC sign-on in the web app and tests it.
      const adminContext = await browser.newContext({ locale: browserLocale });
      const page = await adminContext.newPage();
      const signInAs = async (p: Page, who: { email: string; password: string }) => {
        await p.goto(`${server.url}/sign-in`);
        await p.getByLabel(t.signIn.email).fill(who.email);
        await p.getByLabel(t.signIn.password, { exact: true }).fill(who.password);
        await p.getByRole("button", { name: t.signIn.submit, exact: true }).click();
        await p.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
      };
      await signInAs(page, admin);
      await page.goto(`${server.url}/institutions/${institution.slug}/sign-on`);
      await page.getByLabel(t.signOnSettings.issuer).fill(idp.issuer);
      await page.getByLabel(t.signOnSettings.clientId).fill(idp.clientId);
      await page.getByLabel(t.signOnSettings.clientSecret).fill(idp.clientSecret);
      await page.getByLabel(t.signOnSettings.scopes).fill("openid email student");
      await page.getByLabel(t.signOnSettings.studentNumberClaim).fill("student_number");
      await page.getByLabel(t.signOnSettings.enabled).check();
      await page.getByRole("button", { name: t.signOnSettings.save }).click();
      await page.getByText(t.signOnSettings.saved).waitFor();
      await page.getByRole("button", { name: t.signOnSettings.testConnection }).click();
      await page.getByText(t.signOnSettings.reportOk).waitFor();
      await audit(page, "settings");
      const saved = await server.core.stores.identityProviders.findByKey(
        institution.id,
        INSTITUTION_PROVIDER_KEY,
      );
      expect(saved?.enabled).toBe(true);
      // The secret never reaches the page.
      expect(await page.content()).not.toContain(idp.clientSecret);
      await adminContext.close();

      // The operator adds a portal-wide provider (the "social" one).
      const opContext = await browser.newContext({ locale: browserLocale });
      const op = await opContext.newPage();
      await signInAs(op, operator);
      await op.goto(`${server.url}/operator/sign-on-providers`);
      await op.locator("h1").first().waitFor();
      await op.getByLabel(t.socialProviders.key).fill("google");
      await op.getByLabel(t.socialProviders.nameFr).fill("Google");
      await op.getByLabel(t.socialProviders.nameEn).fill("Google");
      await op.getByLabel(t.signOnSettings.issuer).fill(social.issuer);
      await op.getByLabel(t.signOnSettings.clientId).fill(social.clientId);
      await op.getByLabel(t.signOnSettings.clientSecret).fill(social.clientSecret);
      await op.getByRole("button", { name: t.socialProviders.save }).click();
      await op.getByText(t.socialProviders.saved).waitFor();
      await audit(op, "operator-providers");
      await opContext.close();

      // (a) The learner signs in with the institution.
      const context = await browser.newContext({ locale: browserLocale });
      const learnerPage = await context.newPage();
      await learnerPage.goto(`${server.url}/sign-in`);
      await learnerPage.getByLabel(t.signOn.institution).selectOption(institution.slug);
      await audit(learnerPage, "sign-in");
      await learnerPage.getByRole("button", { name: t.signOn.withInstitution }).click();
      await learnerPage.waitForURL((u) => u.origin === idp.issuer);
      await providerLogin(learnerPage, sub);
      await learnerPage.waitForURL(`${server.url}/wallet`);
      await learnerPage.getByRole("heading", { name: title }).waitFor();
      await audit(learnerPage, "wallet");

      // (e) Link the social account from the profile.
      await learnerPage.goto(`${server.url}/account`);
      const linkName = t.linkedAccounts.link.replace("{{name}}", "Google");
      await learnerPage.getByRole("button", { name: linkName }).click();
      await learnerPage.waitForURL((u) => u.origin === social.issuer);
      await providerLogin(learnerPage, googleSub);
      await learnerPage.waitForURL((u) => u.pathname === "/account");
      await learnerPage.getByText(t.linkedAccounts.linked).waitFor();
      await audit(learnerPage, "account-linked");

      // Sign out, then sign in with the linked account.
      await learnerPage.locator(".account-menu-button").click();
      await learnerPage.getByRole("button", { name: t.layout.signOut, exact: true }).click();
      await learnerPage.waitForURL((u) => u.pathname === "/sign-in");
      const withGoogle = t.signOn.withProvider.replace("{{name}}", "Google");
      await learnerPage.getByRole("link", { name: withGoogle }).click();
      // The provider remembers its own session, or asks again.
      await learnerPage.waitForURL((u) => u.origin === social.issuer || u.pathname === "/wallet");
      if (new URL(learnerPage.url()).origin === social.issuer) await providerLogin(learnerPage, googleSub);
      await learnerPage.waitForURL(`${server.url}/wallet`);
      await learnerPage.getByRole("heading", { name: title }).waitFor();
      await context.close();

      expect(a11y).toEqual({
        settings: [],
        "operator-providers": [],
        "sign-in": [],
        wallet: [],
        "account-linked": [],
      });
    }, 120_000);
  },
);
