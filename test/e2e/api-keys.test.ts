import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../src/web/i18n/en.json" with { type: "json" };
import fr from "../../src/web/i18n/fr.json" with { type: "json" };
import { launchBrowser, submitSignIn } from "../support/browser.ts";
import { makeAudit } from "../support/e2e/make-audit.ts";
import { startE2eServer } from "../support/e2e-server.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import type { Backend } from "../support/test-database.ts";

/** An institution administrator creates an API key (shown once), sees it used, and revokes it. */
const RUNS: { lang: "fr" | "en"; browserLocale: string; backend: Backend; t: typeof en }[] = [
  { lang: "en", browserLocale: "en-CA", backend: "pglite", t: en },
  { lang: "fr", browserLocale: "fr-CA", backend: "postgres", t: fr },
];

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));

describe.each(RUNS)("API keys page, in $lang on $backend", ({ lang, browserLocale, backend, t }) => {
  let server: Awaited<ReturnType<typeof startE2eServer>>;
  let browser: Browser;
  const a11y: Record<string, string[]> = {};
  const audit = makeAudit({ prefix: `e2e-${lang}-api-keys`, a11y });

  beforeAll(async () => {
    server = await startE2eServer(backend);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("creates a key shown once, lists it with its last use, and revokes it after a confirmation", async () => {
    const institution = await makeInstitution(server.core, `cegep-${uniq()}`);
    const slug = institution.slug;
    const admin = await makeUser(server.core, { institutionId: institution.id, role: "institution_admin" });
    const context = await browser.newContext({
      locale: browserLocale,
      permissions: ["clipboard-read", "clipboard-write"],
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page, t.signIn, admin.email, admin.password);
    await page.waitForURL(`**/institutions/${slug}`);

    const tabs = page.getByRole("navigation", { name: t.institutionTabs.label });
    await tabs.getByRole("link", { name: t.institutionTabs.apiKeys }).click();
    const name = lang === "fr" ? institution.nameFr : institution.nameEn;
    await page.getByRole("heading", { level: 1, name: fill(t.apiKeys.pageTitle, { name }) }).waitFor();
    await page.getByText(t.apiKeys.none).waitFor();
    await audit(page, "api-keys-empty");

    // An empty name is refused on the spot.
    await page.getByRole("button", { name: t.apiKeys.createSubmit }).click();
    await page.getByText(t.validation.required).first().waitFor();

    await page.getByLabel(t.apiKeys.name, { exact: true }).fill("SIS");
    await page.getByLabel(t.apiKeys.scope.issue, { exact: true }).check();
    await page.getByRole("button", { name: t.apiKeys.createSubmit }).click();
    await page.getByRole("heading", { name: fill(t.apiKeys.createdTitle, { name: "SIS" }) }).waitFor();
    await page.getByText(t.apiKeys.shownOnce).waitFor();
    const key = await page.getByLabel(t.apiKeys.keyLabel, { exact: true }).inputValue();
    expect(key).toMatch(/^sceau_[A-Za-z0-9_-]{43}$/);
    await page.getByRole("button", { name: t.apiKeys.copy }).click();
    await page.getByText(t.apiKeys.copied).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await audit(page, "api-keys-created");

    const table = page.getByRole("table", { name: t.apiKeys.tableCaption });
    const row = table.getByRole("row").filter({ hasText: "SIS" });
    await row.waitFor();
    expect(await row.textContent()).toContain(`${key.slice(0, 12)}…`);
    expect(await row.textContent()).toContain(t.apiKeys.never);
    expect(await page.content()).toContain(key);
    await page.getByRole("button", { name: t.apiKeys.done }).click();
    await expect.poll(async () => (await page.content()).includes(key)).toBe(false);

    // The key works from outside, and the page shows its last use after a reload.
    const used = await fetch(`${server.url}/api/v1/institutions/${slug}/learners`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(used.status).toBe(200);
    await page.reload();
    await row.waitFor();
    await expect.poll(async () => (await row.textContent())?.includes(t.apiKeys.never)).toBe(false);

    // Revoking asks first; "keep it" changes nothing.
    await row.getByRole("button", { name: `${t.apiKeys.revoke} SIS` }).click();
    await row.getByText(t.apiKeys.confirmRevoke).waitFor();
    await row.getByRole("button", { name: `${t.apiKeys.confirmNo} SIS` }).click();
    await row.getByRole("button", { name: `${t.apiKeys.revoke} SIS` }).click();
    await row.getByRole("button", { name: `${t.apiKeys.confirmYes} SIS` }).click();
    await page.getByText(fill(t.apiKeys.revokedDone, { name: "SIS" })).waitFor();
    await audit(page, "api-keys-revoked");
    const refused = await fetch(`${server.url}/api/v1/institutions/${slug}/learners`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(refused.status).toBe(401);
    await context.close();
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
  });
});
