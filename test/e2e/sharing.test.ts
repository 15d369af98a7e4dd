import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../src/web/i18n/en.json" with { type: "json" };
import fr from "../../src/web/i18n/fr.json" with { type: "json" };
import { launchBrowser } from "../support/browser.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { mailTo } from "../support/e2e/mail-to.ts";
import { makeAudit } from "../support/e2e/make-audit.ts";
import { qpDecode } from "../support/e2e/qp-decode.ts";
import { signIn } from "../support/e2e/sign-in.ts";
import { takeScreenshots } from "../support/e2e/take-screenshots.ts";
import { linkInRawMail, startE2eServer } from "../support/e2e-server.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import type { Backend } from "../support/test-database.ts";

const RUNS: { lang: "fr" | "en"; browserLocale: string; backend: Backend; t: typeof en }[] = [
  { lang: "fr", browserLocale: "fr-CA", backend: "pglite", t: fr },
  { lang: "en", browserLocale: "en-CA", backend: "postgres", t: en },
];

describe.each(RUNS)("sharing documents, in $lang on $backend", ({ lang, browserLocale, backend, t }) => {
  let server: Awaited<ReturnType<typeof startE2eServer>>;
  let browser: Browser;
  const a11y: Record<string, string[]> = {};
  const s = t.sharing;
  const audit = makeAudit({ prefix: `e2e-${lang}-sharing`, a11y });
  let learnerPage: Page;
  let title: string;

  beforeAll(async () => {
    server = await startE2eServer(backend, { worker: true });
    browser = await launchBrowser();
    const inst = await makeInstitution(server.core);
    const type = await makeDocumentType(server.core, inst);
    const u = await makeUser(server.core, { email: `learner-${uniq()}@home.test` });
    const rec = await makeLearner(server.core, inst, { givenName: "Léa" });
    await server.core.stores.learners.linkUser(rec.id, u.user.id);
    title = `Diplôme ${uniq()}`;
    await makeDocument(server.core, inst, { learner: rec, type, title });
    const ctx = await browser.newContext({ locale: browserLocale });
    learnerPage = await ctx.newPage();
    await signIn(learnerPage, { url: server.url, email: u.email, password: u.password, locale: lang });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Fills the share form in the learner's browser and returns the link shown once. */
  const share = async (
    channel: "email" | "link" | "public",
    fill: (p: Page) => Promise<void> = async () => {},
  ) => {
    const p = learnerPage;
    await p.goto(`${server.url}/wallet/share`);
    await p.getByLabel(title).check();
    await p.getByLabel(s.channel[channel], { exact: true }).check();
    await fill(p);
    await audit(p, `form-${channel}`);
    await p.getByRole("button", { name: s.form.submit }).click();
    await p.locator("#share-link").waitFor();
    await audit(p, `created-${channel}`);
    return p.locator("#share-link").inputValue();
  };

  it("shares by email: the recipient opens the emailed link, gets a code and sees the document valid", async () => {
    const to = `friend-${uniq()}@elsewhere.test`;
    await share("email", async (p) => {
      await p.getByLabel(s.form.email).fill(to);
      await p.getByLabel(s.form.message).fill("Bonne lecture");
    });
    const link = linkInRawMail(
      (await mailTo(server.smtp, to, (x) => x.includes("Bonne lecture"))).raw,
      "/s/",
    );
    const ctx = await browser.newContext({ locale: browserLocale });
    const page = await ctx.newPage();
    await page.goto(link);
    await page.getByRole("button", { name: s.recipient.sendCode }).click();
    const codeMail = qpDecode((await mailTo(server.smtp, to, (x) => /: \d{8}/.test(x))).raw);
    const code = /: (\d{8})/.exec(codeMail)?.[1] as string;
    await page.getByLabel(s.recipient.code).fill(code);
    await audit(page, "locked");
    await page.getByRole("button", { name: s.recipient.open }).click();
    await page.getByText(s.recipient.verdict.valid).waitFor();
    await audit(page, "recipient");
    await ctx.close();
  });

  it("a link with a passcode and a two-view limit refuses the third view", async () => {
    const link = await share("link", async (p) => {
      await p.getByLabel(s.form.passcode).fill("tulipe-42");
      await p.getByLabel(s.form.maxViews).fill("2");
    });
    const ctx = await browser.newContext({ locale: browserLocale });
    const page = await ctx.newPage();
    await page.goto(link);
    await page.getByLabel(s.recipient.passcode).fill("tulipe-42");
    await page.getByRole("button", { name: s.recipient.open }).click();
    await page.getByText(s.recipient.verdict.valid).waitFor();
    await page.reload();
    await page.getByText(s.recipient.verdict.valid).waitFor();
    await page.reload();
    await page.getByText(s.recipient.unavailable.used_up).waitFor();
    await audit(page, "used-up");
    await ctx.close();
  });

  it("shares with an organization chosen from the directory: the share lands in its inbox", async () => {
    const nameEn = `Order of Nurses ${uniq()}`;
    const org = await server.core.stores.organizations.create({
      slug: `ordre-${uniq()}`,
      nameFr: `Ordre des infirmières ${nameEn.slice(-6)}`,
      nameEn,
      kind: "licensing",
      country: "CA",
      contactEmail: null,
      searchText: `ordre des infirmieres order of nurses ${nameEn.slice(-6)}`,
    });
    if (!org) throw new Error("no organization");
    const orgName = lang === "fr" ? org.nameFr : org.nameEn;
    const p = learnerPage;
    await p.goto(`${server.url}/wallet/share`);
    await p.getByLabel(title).check();
    await p.getByLabel(s.channel.organization, { exact: true }).check();
    await p.getByLabel(s.form.organizationSearch).fill(lang === "fr" ? "infirmi" : "nurses");
    const choice = p.getByRole("radio", { name: new RegExp(orgName) });
    await choice.waitFor();
    await expect(p.getByText(t.organizations.kinds.licensing).first().isVisible()).resolves.toBe(true);
    // Keyboard: focus the radio group and pick the organization with the space bar.
    await choice.focus();
    await p.keyboard.press("Space");
    expect(await choice.isChecked()).toBe(true);
    await audit(p, "form-organization");
    await takeScreenshots(p, `e2e-${lang}-sharing-form-organization`, { widths: [375] });
    await p.getByRole("button", { name: s.form.submit }).click();
    await p.getByText(s.created.title.organization).waitFor();
    await audit(p, "created-organization");
    const inbox = await server.core.stores.organizationInbox.list(org.id, { q: "", limit: 10 });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.documents.map((d) => d.title)).toEqual([title]);
  });

  it("a public link's HTML carries the OpenGraph tags; revoked, the link is refused", async () => {
    const link = await share("public");
    const html = await (await fetch(link)).text();
    expect(html).toContain('property="og:title"');
    expect(html).toContain('name="twitter:card"');
    expect(html).not.toContain(title);
    const ctx = await browser.newContext({ locale: browserLocale });
    const page = await ctx.newPage();
    await page.goto(link);
    await page.getByText(s.recipient.verdict.valid).waitFor();
    await audit(page, "public");

    await learnerPage.goto(`${server.url}/wallet/shares`);
    await learnerPage.locator("h1").waitFor();
    await audit(learnerPage, "history");
    await learnerPage.getByRole("button", { name: s.history.revoke }).first().click();
    await learnerPage.getByText(s.status.revoked).first().waitFor();
    await page.reload();
    await page.getByText(s.recipient.unavailable.revoked).waitFor();
    await audit(page, "revoked");
    await ctx.close();
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
  });
});
