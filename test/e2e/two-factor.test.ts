import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromBase32, hotpCode, timeStep } from "../../src/adapters/totp/hotp-code.ts";
import { ERROR_MESSAGES } from "../../src/core/error-messages.ts";
import en from "../../src/web/i18n/en.json" with { type: "json" };
import fr from "../../src/web/i18n/fr.json" with { type: "json" };
import { launchBrowser, submitSignIn } from "../support/browser.ts";
import { makeAudit } from "../support/e2e/make-audit.ts";
import { startE2eServer } from "../support/e2e-server.ts";
import { makeUser, uniq } from "../support/factories.ts";
import type { Backend } from "../support/test-database.ts";

/** (f) Two-step verification: enrol an authenticator app, then sign in with a code and with a recovery code. */
const RUNS: { lang: "fr" | "en"; browserLocale: string; backend: Backend; t: typeof en }[] = [
  { lang: "fr", browserLocale: "fr-CA", backend: "pglite", t: fr },
  { lang: "en", browserLocale: "en-CA", backend: "postgres", t: en },
];

/** The code an authenticator app shows now (`offset` steps away) for the secret the page displayed. */
const appCode = (secret: string, offset = 0) => hotpCode(fromBase32(secret), timeStep(new Date()) + offset);
/**
 * Waits for the next 30-second step when this one ends within 6 s: a code for the step before
 * ("-1") typed now must still be in the server's window (one step either side) when it arrives.
 */
const awayFromStepEnd = async () => {
  const intoStep = (Date.now() / 1000) % 30;
  if (intoStep > 24) await new Promise((r) => setTimeout(r, (30 - intoStep) * 1000 + 200));
};

describe.each(RUNS)("two-step verification, in $lang on $backend", ({ lang, browserLocale, backend, t }) => {
  let server: Awaited<ReturnType<typeof startE2eServer>>;
  let browser: Browser;
  const a11y: Record<string, string[]> = {};
  const audit = makeAudit({ prefix: `e2e-${lang}-2fa`, a11y, widths: [1280, 375] });

  beforeAll(async () => {
    server = await startE2eServer(backend);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signInWithPassword = async (page: Page, email: string, password: string) => {
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page, t.signIn, email, password);
  };
  const signOut = async (page: Page) => {
    await page.getByRole("button", { name: new RegExp(t.layout.accountMenu.replace(/\s*:$/, "")) }).click();
    await page.getByRole("button", { name: t.layout.signOut, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: t.signIn.title }).waitFor();
  };

  it("enrols an authenticator app, then signs in with a code and with a recovery code", async () => {
    const { email, password } = await makeUser(server.core, { email: `lea-${uniq()}@home.example` });
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    await signInWithPassword(page, email, password);
    await page.waitForURL("**/wallet");

    await page.goto(`${server.url}/account`);
    await page.getByRole("heading", { level: 2, name: t.twoFactor.title }).waitFor();
    await page.getByRole("button", { name: t.twoFactor.turnOn }).click();
    const secretText = page.getByTestId("totp-secret");
    await secretText.waitFor();
    expect(await page.getByRole("img", { name: t.twoFactor.setup.qrAlt }).isVisible()).toBe(true);
    const secret = ((await secretText.textContent()) ?? "").replace(/\s+/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await audit(page, "enrol");

    // A wrong code is announced; the app's code turns it on and shows the recovery codes once.
    const codeField = page.getByLabel(t.twoFactor.setup.code, { exact: true });
    await codeField.fill(appCode(secret) === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: t.twoFactor.setup.submit, exact: true }).click();
    await page.getByText(ERROR_MESSAGES.totp_code_invalid[lang]).first().waitFor();
    await awayFromStepEnd();
    await codeField.fill(appCode(secret, -1));
    await page.getByRole("button", { name: t.twoFactor.setup.submit, exact: true }).click();
    const list = page.getByRole("list", { name: t.twoFactor.codes.title });
    await list.waitFor();
    const codes = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    await audit(page, "recovery-codes");
    await page.getByRole("button", { name: t.twoFactor.codes.done }).click();
    await page.getByText(t.twoFactor.enabled).waitFor();
    await audit(page, "enabled");

    // Sign out, sign in: the password, then the code step.
    await signOut(page);
    await signInWithPassword(page, email, password);
    await page.getByRole("heading", { level: 1, name: t.twoFactor.signIn.title }).waitFor();
    const cookies = await context.cookies();
    expect(cookies.some((c) => c.name === "sceau_session")).toBe(false);
    const field = page.getByLabel(t.twoFactor.signIn.code, { exact: true });
    expect(await field.getAttribute("autocomplete")).toBe("one-time-code");
    expect(await field.getAttribute("inputmode")).toBe("numeric");
    await audit(page, "sign-in-code");
    await field.fill(appCode(secret));
    await page.getByRole("button", { name: t.twoFactor.signIn.submit }).click();
    await page.waitForURL("**/wallet");

    // Sign out, sign in with a recovery code instead.
    await signOut(page);
    await signInWithPassword(page, email, password);
    await page.getByRole("heading", { level: 1, name: t.twoFactor.signIn.title }).waitFor();
    await page.getByRole("button", { name: t.twoFactor.signIn.useRecovery }).click();
    const recovery = page.getByLabel(t.twoFactor.signIn.recoveryCode, { exact: true });
    await recovery.waitFor();
    await audit(page, "sign-in-recovery");
    await recovery.fill(codes[3] as string);
    await page.getByRole("button", { name: t.twoFactor.signIn.submit }).click();
    await page.waitForURL("**/wallet");

    // The profile counts one code fewer; the privacy section is there too.
    await page.goto(`${server.url}/account`);
    await page.getByRole("heading", { level: 2, name: t.privacy.title }).waitFor();
    const section = page.getByRole("region", { name: t.twoFactor.title });
    await section.getByRole("heading", { level: 3, name: t.twoFactor.regenerate.title }).waitFor();
    expect(await section.textContent()).toMatch(/\s9\./);
    await audit(page, "account");

    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
    await context.close();
  });
});
