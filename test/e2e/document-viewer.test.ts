import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BY_CLI } from "../../src/core/audit/record-audit.ts";
import { issueDocument } from "../../src/core/issuance/issue-document.ts";
import en from "../../src/web/i18n/en.json" with { type: "json" };
import fr from "../../src/web/i18n/fr.json" with { type: "json" };
import { launchBrowser, seriousA11yViolations, submitSignIn } from "../support/browser.ts";
import { makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { mailTo } from "../support/e2e/mail-to.ts";
import { qpDecode } from "../support/e2e/qp-decode.ts";
import { takeScreenshots } from "../support/e2e/take-screenshots.ts";
import { linkInRawMail, startE2eServer } from "../support/e2e-server.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import { samplePdf } from "../support/sample-pdf.ts";
import type { Backend } from "../support/test-database.ts";

/** The in-browser viewer: the learner's wallet (no watermark) and a share's recipient (watermarked). */
const RUNS: { lang: "fr" | "en"; browserLocale: string; backend: Backend; t: typeof en }[] = [
  { lang: "fr", browserLocale: "fr-CA", backend: "pglite", t: fr },
  { lang: "en", browserLocale: "en-CA", backend: "postgres", t: en },
];

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));

describe.each(RUNS)("the document viewer, in $lang on $backend", ({ lang, browserLocale, backend, t }) => {
  let server: Awaited<ReturnType<typeof startE2eServer>>;
  let browser: Browser;
  const a11y: Record<string, string[]> = {};
  const v = t.viewer;
  const shot = (page: Page, name: string) =>
    takeScreenshots(page, `e2e-${lang}-viewer-${name}`, { widths: [1280, 375], settleMs: 300 });

  beforeAll(async () => {
    server = await startE2eServer(backend, { worker: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the learner views a two-page document, turns pages with the keyboard and zooms; a recipient sees it watermarked and downloads the untouched original", async () => {
    const core = server.core;
    const inst = await makeInstitution(core);
    const type = await makeDocumentType(core, inst);
    const u = await makeUser(core, { email: `viewer-${uniq()}@home.test` });
    await core.stores.users.update(u.user.id, { locale: lang });
    const learner = await makeLearner(core, inst);
    await core.stores.learners.linkUser(learner.id, u.user.id);
    const title = `Relevé ${uniq()}`;
    // One page of content; signing adds the verification page: a two-page signed PDF.
    const { document: issued } = await issueDocument(core, BY_CLI, inst, {
      learnerId: learner.id,
      documentTypeId: type.id,
      title,
      issueDate: "2026-06-15",
      externalId: null,
      pdf: await samplePdf({ title, pages: 1 }),
    });
    // A damaged file in the wallet: the viewer says so instead of failing silently.
    const brokenTitle = `Attestation ${uniq()}`;
    const junk = new TextEncoder().encode(`%PDF-1.7\nthis is not a PDF ${uniq()}\n%%EOF\n`);
    await core.stores.documents.create({
      id: core.newId(),
      institutionId: inst.id,
      title: brokenTitle,
      sha256: await core.blobs.put(inst.id, junk),
      byteSize: junk.byteLength,
      signingIdentityId: null,
      signedAt: core.clock.now(),
      learnerId: learner.id,
      documentTypeId: type.id,
      issueDate: "2026-06-16",
      externalId: null,
      batchId: null,
    });

    // The learner, in the wallet.
    const ctx = await browser.newContext({ locale: browserLocale });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page, t.signIn, u.email, u.password);
    await page.waitForURL("**/wallet");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
    const toggle = card.getByRole("button", { name: `${v.view} — ${title}` });
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    const viewer = card.getByRole("region", { name: fill(v.label, { title }) });
    const status = viewer.getByRole("status").filter({ hasText: fill(v.pageOf, { page: 1, count: 2 }) });
    await status.waitFor();
    const canvas = viewer.getByRole("img", { name: fill(v.canvasLabel, { page: 1, count: 2, title }) });
    await canvas.waitFor();
    // The owner's rendition carries no watermark; the status stays in sight.
    expect(await canvas.getAttribute("aria-label")).not.toContain(fill(v.watermarkLabel, { text: "" }));
    await viewer.getByText(t.documents.status.active, { exact: true }).waitFor();
    const thumbs = viewer
      .getByRole("navigation", { name: fill(v.thumbnails, { title }) })
      .getByRole("button");
    expect(await thumbs.count()).toBe(2);
    expect(await thumbs.nth(0).getAttribute("aria-current")).toBe("true");
    // The page is drawn (not a blank canvas).
    await page.waitForFunction(
      (label) => {
        const c = document.querySelector<HTMLCanvasElement>(`canvas[aria-label="${label}"]`);
        const d = c?.getContext("2d")?.getImageData(0, 0, c.width, c.height).data;
        return !!d && d.some((x, i) => i % 4 !== 3 && x < 200);
      },
      fill(v.canvasLabel, { page: 1, count: 2, title }),
    );
    await shot(page, "wallet-page1");
    a11y.wallet = await seriousA11yViolations(page);

    // Keyboard: PageDown turns to page 2 when the viewer has focus; Home goes back.
    await viewer.getByRole("group").focus();
    await page.keyboard.press("PageDown");
    await viewer
      .getByRole("status")
      .filter({ hasText: fill(v.pageOf, { page: 2, count: 2 }) })
      .waitFor();
    await viewer.getByRole("img", { name: fill(v.canvasLabel, { page: 2, count: 2, title }) }).waitFor();
    expect(await thumbs.nth(1).getAttribute("aria-current")).toBe("true");
    expect(await viewer.getByRole("button", { name: v.next }).isDisabled()).toBe(true);
    await page.keyboard.press("Home");
    await viewer
      .getByRole("status")
      .filter({ hasText: fill(v.pageOf, { page: 1, count: 2 }) })
      .waitFor();
    await page.keyboard.press("End");
    await viewer
      .getByRole("status")
      .filter({ hasText: fill(v.pageOf, { page: 2, count: 2 }) })
      .waitFor();

    // Zoom: + with the keyboard, then the buttons; fit width comes back to the first width.
    const width = async () => (await canvas.or(viewer.getByRole("img")).first().boundingBox())?.width ?? 0;
    const fitted = await width();
    expect(fitted).toBeGreaterThan(300);
    await page.keyboard.press("+");
    await expect.poll(width).toBeGreaterThan(fitted * 1.2);
    await viewer.getByRole("button", { name: v.zoomOut }).click();
    await viewer.getByRole("button", { name: v.zoomOut }).click();
    await expect.poll(width).toBeLessThan(fitted * 0.9);
    await viewer.getByRole("button", { name: v.fitWidth }).click();
    await expect.poll(width).toBeCloseTo(fitted, -1);
    // A thumbnail goes to its page (Enter on the focused button).
    await thumbs.nth(0).focus();
    await page.keyboard.press("Enter");
    await viewer
      .getByRole("status")
      .filter({ hasText: fill(v.pageOf, { page: 1, count: 2 }) })
      .waitFor();
    await page.keyboard.press("+");
    await shot(page, "wallet-zoomed");

    // The damaged file: a clear error.
    const broken = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: brokenTitle }) });
    await broken.getByRole("button", { name: `${v.view} — ${brokenTitle}` }).click();
    await broken.getByRole("alert").filter({ hasText: v.error.damaged }).waitFor();
    await shot(page, "wallet-damaged");
    a11y.walletOpen = await seriousA11yViolations(page);

    // The learner shares it by email; the recipient opens it with the emailed code.
    const to = `reader-${uniq()}@elsewhere.test`;
    await page.goto(`${server.url}/wallet/share`);
    await page.getByLabel(title).check();
    await page.getByLabel(t.sharing.channel.email, { exact: true }).check();
    await page.getByLabel(t.sharing.form.email).fill(to);
    await page.getByRole("button", { name: t.sharing.form.submit }).click();
    await page.locator("#share-link").waitFor();
    const shares = await page.evaluate(async () => (await (await fetch("/api/v1/shares")).json()).shares);
    const shareId = (shares as { id: string; recipientEmail: string | null }[]).find(
      (x) => x.recipientEmail === to,
    )?.id as string;
    expect(shareId).toBeTruthy();
    const link = linkInRawMail((await mailTo(server.smtp, to, (x) => x.includes("/s/"))).raw, "/s/");

    const rctx = await browser.newContext({ locale: browserLocale, acceptDownloads: true });
    const rpage = await rctx.newPage();
    await rpage.goto(link);
    await rpage.getByRole("button", { name: t.sharing.recipient.sendCode }).click();
    const code = /: (\d{8})/.exec(
      qpDecode((await mailTo(server.smtp, to, (x) => /: \d{8}/.test(x))).raw),
    )?.[1] as string;
    await rpage.getByLabel(t.sharing.recipient.code).fill(code);
    await rpage.getByRole("button", { name: t.sharing.recipient.open }).click();
    await rpage.getByText(t.sharing.recipient.verdict.valid).first().waitFor();
    await rpage.getByRole("button", { name: `${v.view} — ${title}` }).click();
    const watermark = fill(v.watermark, {
      who: to,
      id: shareId.replace(/-/g, "").slice(0, 6).toUpperCase(),
    });
    const rviewer = rpage.getByRole("region", { name: fill(v.label, { title }) });
    await rviewer
      .getByRole("img", {
        name: `${fill(v.canvasLabel, { page: 1, count: 2, title })} ${fill(v.watermarkLabel, { text: watermark })}`,
      })
      .waitFor();
    await rviewer.getByText(fill(v.watermarkNote, { text: watermark })).waitFor();
    await rpage.waitForTimeout(500);
    await shot(rpage, "recipient");
    a11y.recipient = await seriousA11yViolations(rpage);

    // The download is the signed original, byte for byte (no watermark in it).
    const [download] = await Promise.all([
      rpage.waitForEvent("download"),
      rpage.getByRole("link", { name: new RegExp(t.sharing.recipient.download) }).click(),
    ]);
    const bytes = await readFile(await download.path());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(issued.sha256);
    expect(bytes.includes(Buffer.from(to))).toBe(false);

    // Only the real download is in the learner's history: the viewer's read is not one.
    const history = await page.evaluate(async () => (await (await fetch("/api/v1/shares")).json()).shares);
    const h = (history as { id: string; events: { kind: string }[] }[]).find((x) => x.id === shareId);
    expect(h?.events.map((e) => e.kind).sort()).toEqual(["download", "view"]);
    // The learner's history shows the share's number, the one on the watermark.
    await page.goto(`${server.url}/wallet/shares`);
    const number = page.getByText(shareId.replace(/-/g, "").slice(0, 6).toUpperCase(), { exact: true });
    await number.waitFor();
    await rctx.close();
    await ctx.close();

    for (const [name, violations] of Object.entries(a11y)) expect(violations, name).toEqual([]);
  });
});
