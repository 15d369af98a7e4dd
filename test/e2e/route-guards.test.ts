import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../src/web/i18n/en.json" with { type: "json" };
import { launchBrowser, submitSignIn } from "../support/browser.ts";
import { startE2eServer } from "../support/e2e-server.ts";
import { makeInstitution, makeUser } from "../support/factories.ts";

/**
 * The web app's guards (src/web/routes/router.tsx): anonymous visitors go to the sign-in page and
 * come back; a role that may not see a page gets "page not found", whichever layout guards it.
 */
describe("the pages' guards, in the browser", () => {
  let server: Awaited<ReturnType<typeof startE2eServer>>;
  let browser: Browser;
  const t = en;

  beforeAll(async () => {
    server = await startE2eServer("pglite");
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The page's only h1 reads `title`, and no "loading the page" line is left behind. */
  async function expectPage(page: Page, title: string) {
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(await page.getByText(t.common.loadingPage).count()).toBe(0);
  }

  async function signedIn(user: { email: string; password: string }): Promise<Page> {
    const context = await browser.newContext({ locale: "en-CA" });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page, t.signIn, user.email, user.password);
    await page.waitForURL((url) => url.pathname !== "/sign-in");
    return page;
  }

  it("sends an anonymous visitor to the sign-in page, then back to the page asked for", async () => {
    const operator = await makeUser(server.core, { operator: true });
    const context = await browser.newContext({ locale: "en-CA" });
    const page = await context.newPage();
    await page.goto(`${server.url}/operator/users?q=x`);
    await page.waitForURL(`**/sign-in?next=${encodeURIComponent("/operator/users?q=x")}`);
    await expectPage(page, t.signIn.title);
    await submitSignIn(page, t.signIn, operator.email, operator.password);
    await page.waitForURL("**/operator/users?q=x");
    await expectPage(page, t.users.title);
    await context.close();
  });

  it("shows 'page not found' to roles a layout does not admit, and the page to those it does", async () => {
    const inst = await makeInstitution(server.core);
    const base = `${server.url}/institutions/${inst.slug}`;

    const learner = await signedIn(await makeUser(server.core));
    await learner.goto(`${server.url}/wallet`);
    await expectPage(learner, t.wallet.title);
    for (const path of ["/operator/users", `/institutions/${inst.slug}/learners`]) {
      await learner.goto(`${server.url}${path}`);
      await expectPage(learner, t.notFound.title);
    }

    const issuer = await signedIn(await makeUser(server.core, { institutionId: inst.id, role: "issuer" }));
    await issuer.goto(`${base}/learners`);
    await expectPage(issuer, t.learners.title);
    for (const path of ["/api-keys", "/audit"]) {
      await issuer.goto(`${base}${path}`);
      await expectPage(issuer, t.notFound.title);
    }
    await issuer.goto(`${server.url}/operator/institutions`);
    await expectPage(issuer, t.notFound.title);

    const admin = await signedIn(await makeUser(server.core, { institutionId: inst.id }));
    await admin.goto(`${base}/api-keys`);
    await expectPage(admin, t.apiKeys.title);

    for (const page of [learner, issuer, admin]) await page.context().close();
  });
});
