import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_MESSAGES } from "../../src/core/error-messages.ts";
import { unlockShare } from "../../src/core/sharing/unlock-share.ts";
import en from "../../src/web/i18n/en.json" with { type: "json" };
import fr from "../../src/web/i18n/fr.json" with { type: "json" };
import { launchBrowser } from "../support/browser.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeAudit } from "../support/e2e/make-audit.ts";
import { signIn } from "../support/e2e/sign-in.ts";
import { startE2eServer } from "../support/e2e-server.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import type { Backend } from "../support/test-database.ts";

const RUNS: { lang: "fr" | "en"; browserLocale: string; backend: Backend; t: typeof en }[] = [
  { lang: "fr", browserLocale: "fr-CA", backend: "pglite", t: fr },
  { lang: "en", browserLocale: "en-CA", backend: "postgres", t: en },
];
const PASSCODE = "tulipe-42";

describe.each(RUNS)("a locked share, in $lang on $backend", ({ lang, browserLocale, backend, t }) => {
  let server: Awaited<ReturnType<typeof startE2eServer>>;
  let browser: Browser;
  let learnerPage: Page;
  let documentId: string;
  const a11y: Record<string, string[]> = {};
  const s = t.sharing;
  const audit = makeAudit({ prefix: `e2e-${lang}-share-lockout`, a11y });

  beforeAll(async () => {
    server = await startE2eServer(backend);
    browser = await launchBrowser();
    const inst = await makeInstitution(server.core);
    const type = await makeDocumentType(server.core, inst);
    const u = await makeUser(server.core, { email: `learner-${uniq()}@home.test` });
    const rec = await makeLearner(server.core, inst, { givenName: "Léa" });
    await server.core.stores.learners.linkUser(rec.id, u.user.id);
    documentId = (await makeDocument(server.core, inst, { learner: rec, type, title: `Diplôme ${uniq()}` }))
      .document.id;
    learnerPage = await (await browser.newContext({ locale: browserLocale })).newPage();
    await signIn(learnerPage, { url: server.url, email: u.email, password: u.password, locale: lang });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A link share with a passcode, made by the learner's browser; its token. */
  const linkShare = async () =>
    learnerPage.evaluate(
      async ([id, passcode]) => {
        const { token } = await (await fetch("/api/v1/auth/csrf")).json();
        const res = await fetch("/api/v1/shares", {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": token },
          body: JSON.stringify({ channel: "link", documentIds: [id], passcode }),
        });
        const { link } = await res.json();
        return String(link).split("/s/")[1] as string;
      },
      [documentId, PASSCODE],
    );

  /** Eleven wrong passcodes from three addresses (through the use case: the browser has one address). */
  const lockFromElsewhere = async (token: string) => {
    for (let i = 0; i < 11; i++)
      await unlockShare(
        server.core,
        token,
        { passcode: `guess-${i}` },
        { ip: `198.51.100.${Math.floor(i / 5) + 1}`, userAgent: "guesser" },
      ).catch(() => {});
  };

  it("the recipient is told until when; the learner sees the lock and lifts it; the recipient gets in", async () => {
    const token = await linkShare();
    await lockFromElsewhere(token);

    const ctx = await browser.newContext({ locale: browserLocale });
    const recipient = await ctx.newPage();
    await recipient.goto(`${server.url}/s/${token}`);
    await recipient
      .getByRole("status")
      .filter({ hasText: s.recipient.lockedUntil.split("{{")[0] as string })
      .waitFor();
    await recipient.getByLabel(s.recipient.passcode).fill(PASSCODE);
    await recipient.getByRole("button", { name: s.recipient.open }).click();
    const wait = lang === "fr" ? "Réessayez dans 5 minutes." : "Try again in 5 minutes.";
    await recipient.getByRole("alert").filter({ hasText: wait }).waitFor();
    await audit(recipient, "recipient-locked");

    await learnerPage.goto(`${server.url}/wallet/shares`);
    const status = learnerPage.getByText(s.history.lockedUntil.split("{{")[0] as string);
    await status.waitFor();
    await learnerPage.getByText(s.event.locked).waitFor();
    expect(await learnerPage.getByText(s.event.access_failed).count()).toBe(11);
    await audit(learnerPage, "history-locked");
    await learnerPage.getByRole("button", { name: new RegExp(`^${s.history.unlock}`) }).click();
    await learnerPage.getByRole("status").filter({ hasText: s.history.unlocked }).waitFor();
    await learnerPage.getByText(s.status.active, { exact: true }).waitFor();
    expect(await status.count()).toBe(0);
    await audit(learnerPage, "history-unlocked");

    await recipient.getByRole("button", { name: s.recipient.open }).click();
    await recipient.getByText(s.recipient.verdict.valid).waitFor();
    await audit(recipient, "recipient-open");
    await ctx.close();
  });

  it("a new passcode from the wallet: the recipient's browser must type it", async () => {
    const token = await linkShare();
    const ctx = await browser.newContext({ locale: browserLocale });
    const recipient = await ctx.newPage();
    await recipient.goto(`${server.url}/s/${token}`);
    await recipient.getByLabel(s.recipient.passcode).fill(PASSCODE);
    await recipient.getByRole("button", { name: s.recipient.open }).click();
    await recipient.getByText(s.recipient.verdict.valid).waitFor();

    await learnerPage.goto(`${server.url}/wallet/shares`);
    // Newest first: this share's card is the first.
    await learnerPage
      .getByRole("button", { name: new RegExp(`^${s.history.newPasscode}`) })
      .first()
      .click();
    await learnerPage.getByLabel(s.history.passcodeLabel).fill("jonquille-7");
    await audit(learnerPage, "history-new-passcode");
    await learnerPage.getByRole("button", { name: s.history.savePasscode }).click();
    await learnerPage.getByRole("status").filter({ hasText: s.history.passcodeChanged }).waitFor();

    await recipient.reload();
    await recipient.getByLabel(s.recipient.passcode).fill(PASSCODE);
    await recipient.getByRole("button", { name: s.recipient.open }).click();
    await recipient
      .getByRole("alert")
      .filter({ hasText: ERROR_MESSAGES.share_access_denied[lang] })
      .waitFor();
    await recipient.getByLabel(s.recipient.passcode).fill("jonquille-7");
    await recipient.getByRole("button", { name: s.recipient.open }).click();
    await recipient.getByText(s.recipient.verdict.valid).waitFor();
    await ctx.close();
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
  });
});
