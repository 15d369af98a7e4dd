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
import { linkInRawMail, startE2eServer } from "../support/e2e-server.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import type { Backend } from "../support/test-database.ts";

/**
 * Issue 6's journey in one go: a learner with two documents pays on the development gateway to
 * unlock one, shares it by email, with an organization (whose reviewer downloads it), as a link
 * with a passcode and a two-view limit, and as a public page, then revokes a share.
 */
const RUNS: { lang: "fr" | "en"; browserLocale: string; backend: Backend; t: typeof en; price: RegExp }[] = [
  { lang: "fr", browserLocale: "fr-CA", backend: "pglite", t: fr, price: /12,50\s\$/ },
  { lang: "en", browserLocale: "en-CA", backend: "postgres", t: en, price: /\$12\.50/ },
];

describe.each(RUNS)(
  "the wallet journey, in $lang on $backend",
  ({ lang, browserLocale, backend, t, price }) => {
    let server: Awaited<ReturnType<typeof startE2eServer>>;
    let browser: Browser;
    const s = t.sharing;
    const a11y: Record<string, string[]> = {};
    const audit = makeAudit({ prefix: `e2e-${lang}-journey`, a11y });
    /** Signs in through the sign-in page, auditing it first (as `sign-in-<first word of the email>`). */
    const signInAudited = (page: Page, who: { email: string; password: string }) =>
      signIn(page, {
        url: server.url,
        email: who.email,
        password: who.password,
        labels: t.signIn,
        beforeSubmit: (p) => audit(p, `sign-in-${who.email.split("-")[0]}`),
      });
    /** A fresh browser tab, as someone other than the learner would open a link. */
    const stranger = async () =>
      (await browser.newContext({ locale: browserLocale, acceptDownloads: true })).newPage();

    let learnerPage: Page;
    let title: string;
    let otherTitle: string;
    let org: { id: string; nameFr: string; nameEn: string };
    let reviewer: Awaited<ReturnType<typeof makeUser>>;

    beforeAll(async () => {
      server = await startE2eServer(backend, { worker: true });
      browser = await launchBrowser();
      const core = server.core;
      const inst = await makeInstitution(core, `cegep-${uniq()}`);
      const priced = await makeDocumentType(core, inst);
      await core.stores.documentTypes.update(inst.id, priced.id, { unlockFeeCents: 1250 });
      const free = await makeDocumentType(core, inst);
      const u = await makeUser(core, { email: `learner-${uniq()}@home.test` });
      await core.stores.users.update(u.user.id, { locale: lang });
      const learner = await makeLearner(core, inst, { givenName: "Léa" });
      await core.stores.learners.linkUser(learner.id, u.user.id);
      title = `Diplôme ${uniq()}`;
      otherTitle = `Relevé ${uniq()}`;
      await makeDocument(core, inst, { learner, type: priced, title });
      await makeDocument(core, inst, { learner, type: free, title: otherTitle });

      const created = await core.stores.organizations.create({
        slug: `ordre-${uniq()}`,
        nameFr: "Ordre des infirmières",
        nameEn: "Order of Nurses",
        kind: "licensing",
        country: "CA",
        contactEmail: null,
        searchText: "ordre des infirmieres order of nurses",
      });
      if (!created) throw new Error("no organization");
      org = created;
      reviewer = await makeUser(core, { email: `reviewer-${uniq()}@ordre.test` });
      await core.stores.users.update(reviewer.user.id, { locale: lang });
      await core.stores.memberships.add({
        userId: reviewer.user.id,
        role: "reviewer",
        institutionId: null,
        organizationId: org.id,
      });

      learnerPage = await (await browser.newContext({ locale: browserLocale })).newPage();
      await signInAudited(learnerPage, u);
      await learnerPage.waitForURL("**/wallet");
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Fills the share form for the unlocked document and returns the link shown once. */
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

    it("sees both documents and pays on the development gateway to unlock the priced one", async () => {
      const p = learnerPage;
      const card = p.getByRole("listitem").filter({ has: p.getByRole("heading", { name: title }) });
      const other = p.getByRole("listitem").filter({ has: p.getByRole("heading", { name: otherTitle }) });
      await other.getByText(t.payments.free).waitFor();
      const unlock = card.getByRole("button", { name: price });
      await unlock.waitFor();
      await audit(p, "wallet-locked");
      await unlock.click();
      await p.waitForURL("**/payments/test-checkout/**");
      await p.getByText("TEST — no money moves").waitFor();
      await audit(p, "checkout");
      await p.getByRole("button", { name: /Payer/ }).click();
      await p.waitForURL("**/wallet?payment=*&checkout=done");
      await p
        .getByRole("status")
        .filter({ hasText: /R-\d{4}-/ })
        .waitFor();
      await card.getByText(t.payments.unlocked, { exact: true }).waitFor();
      await audit(p, "wallet-unlocked");
    });

    it("shares it by email: the recipient opens the emailed link, types the code and sees it valid", async () => {
      const to = `friend-${uniq()}@elsewhere.test`;
      await share("email", async (p) => {
        await p.getByLabel(s.form.email).fill(to);
        await p.getByLabel(s.form.message).fill("Bonne lecture");
      });
      const link = linkInRawMail(
        (await mailTo(server.smtp, to, (x) => x.includes("Bonne lecture"))).raw,
        "/s/",
      );
      const page = await stranger();
      await page.goto(link);
      await page.getByRole("button", { name: s.recipient.sendCode }).click();
      const code = /: (\d{8})/.exec(
        qpDecode((await mailTo(server.smtp, to, (x) => /: \d{8}/.test(x))).raw),
      )?.[1] as string;
      await page.getByLabel(s.recipient.code).fill(code);
      await audit(page, "email-locked");
      await page.getByRole("button", { name: s.recipient.open }).click();
      await page.getByText(s.recipient.verdict.valid).waitFor();
      expect(await page.getByText(title).count()).toBeGreaterThan(0);
      await audit(page, "email-recipient");
      await page.context().close();
    });

    it("shares it with an organization: its reviewer downloads it from the inbox, and the history says so", async () => {
      const orgName = lang === "fr" ? org.nameFr : org.nameEn;
      const p = learnerPage;
      await p.goto(`${server.url}/wallet/share`);
      await p.getByLabel(title).check();
      await p.getByLabel(s.channel.organization, { exact: true }).check();
      await p.getByLabel(s.form.organizationSearch).fill(lang === "fr" ? "infirmi" : "nurses");
      const choice = p.getByRole("radio", { name: new RegExp(orgName) });
      await choice.check();
      await audit(p, "form-organization");
      await p.getByRole("button", { name: s.form.submit }).click();
      await p.getByText(s.created.title.organization).waitFor();
      await audit(p, "created-organization");

      const page = await stranger();
      await signInAudited(page, reviewer);
      await page.waitForURL("**/organizations");
      await audit(page, "organizations");
      await page.getByRole("link", { name: t.inbox.pageTitle.replace("{{name}}", orgName) }).click();
      await page.waitForURL("**/inbox");
      const item = page.locator(".inbox-item").filter({ hasText: title });
      await item.waitFor();
      await audit(page, "inbox");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        item.getByRole("link", { name: t.inbox.download.replace("{{title}}", title) }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      await page.context().close();

      await p.goto(`${server.url}/wallet/shares`);
      const card = p.getByRole("listitem").filter({
        has: p.getByRole("heading", { name: `${s.channel.organization} — ${orgName}` }),
      });
      await card
        .getByText(s.event.retrieved.replace("{{organization}}", orgName).replace("{{title}}", title))
        .waitFor();
      await audit(p, "history-retrieved");
    });

    it("creates a link with a passcode and a two-view limit: the third view is refused", async () => {
      const link = await share("link", async (p) => {
        await p.getByLabel(s.form.passcode).fill("tulipe-42");
        await p.getByLabel(s.form.maxViews).fill("2");
      });
      const page = await stranger();
      await page.goto(link);
      await page.getByLabel(s.recipient.passcode).waitFor();
      await audit(page, "passcode");
      await page.getByLabel(s.recipient.passcode).fill("tulipe-42");
      await page.getByRole("button", { name: s.recipient.open }).click();
      await page.getByText(s.recipient.verdict.valid).waitFor();
      await page.reload();
      await page.getByText(s.recipient.verdict.valid).waitFor();
      await page.reload();
      await page.getByText(s.recipient.unavailable.used_up).waitFor();
      expect(await page.getByText(s.recipient.verdict.valid).count()).toBe(0);
      await audit(page, "used-up");
      await page.context().close();
    });

    it("publishes a public link whose HTML carries the OpenGraph tags, then revokes it: the link is refused", async () => {
      const link = await share("public");
      const html = await (await fetch(link)).text();
      expect(html).toContain('property="og:title"');
      expect(html).toContain('property="og:url"');
      expect(html).toContain('name="twitter:card"');
      expect(html).not.toContain(title);
      const page = await stranger();
      await page.goto(link);
      await page.getByText(s.recipient.verdict.valid).waitFor();
      await audit(page, "public");

      const p = learnerPage;
      await p.goto(`${server.url}/wallet/shares`);
      const card = p.getByRole("listitem").filter({
        has: p.getByRole("heading", { name: `${s.channel.public} — ${s.history.anyone.public}` }),
      });
      await card.getByRole("button", { name: new RegExp(`^${s.history.revoke}`) }).click();
      await card.getByText(s.status.revoked, { exact: true }).waitFor();
      await audit(p, "history-revoked");
      await page.reload();
      await page.getByText(s.recipient.unavailable.revoked).waitFor();
      expect(await page.getByText(s.recipient.verdict.valid).count()).toBe(0);
      await audit(page, "revoked");
      await page.context().close();
    });

    it("found no serious accessibility violation on any page", () => {
      expect(Object.keys(a11y).length).toBeGreaterThan(15);
      expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
    });
  },
);
