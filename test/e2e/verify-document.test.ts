import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPdfSigner } from "../../src/adapters/pdf/pdf-signer.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import { appendDss } from "../../src/core/signing/append-dss.ts";
import { signDocument } from "../../src/core/signing/sign-document.ts";
import en from "../../src/web/i18n/en.json" with { type: "json" };
import fr from "../../src/web/i18n/fr.json" with { type: "json" };
import { launchBrowser, seriousA11yViolations, submitSignIn } from "../support/browser.ts";
import { makeAudit } from "../support/e2e/make-audit.ts";
import { screenshotPath } from "../support/e2e/screenshot-path.ts";
import { startE2eServer } from "../support/e2e-server.ts";
import { makeInstitution, makeUser } from "../support/factories.ts";
import { attacksOnSigned } from "../support/pdf-attacks.ts";
import { testIdentity } from "../support/pki/test-pki.ts";
import { samplePdf } from "../support/sample-pdf.ts";
import type { Backend } from "../support/test-database.ts";

/** One run per language, on each database: anyone verifies documents and compares a copy with its record. */
const RUNS: { lang: "fr" | "en"; browserLocale: string; backend: Backend; t: typeof en }[] = [
  { lang: "fr", browserLocale: "fr-CA", backend: "pglite", t: fr },
  { lang: "en", browserLocale: "en-CA", backend: "postgres", t: en },
];

const REASON = "Erreur de saisie / Data entry error";

describe.each(RUNS)("public verification, in $lang on $backend", ({ lang, browserLocale, backend, t }) => {
  let server: Awaited<ReturnType<typeof startE2eServer>>;
  let browser: Browser;
  let dir: string;
  let institution: Institution;
  const files = { valid: "", tampered: "", overlay: "", withDss: "", revoked: "", other: "", superseded: "" };
  const ids = { valid: "", revoked: "", other: "", superseded: "" };
  const titles = {
    valid: "Diplôme d'études collégiales",
    revoked: "Attestation d'études",
    other: "Relevé de notes",
    superseded: "Relevé de notes (version 1)",
  };
  const a11y: Record<string, string[]> = {};

  const audit = makeAudit({ prefix: `verify-${lang}`, a11y });

  /** The accessible name of the focused element, to check that the result was announced. */
  const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");

  const sign = async (key: keyof typeof ids) => {
    const { document, bytes } = await signDocument(server.core, {
      institution,
      pdf: await samplePdf({ title: titles[key] }),
      title: titles[key],
    });
    ids[key] = document.id;
    files[key] = join(dir, `${key}.pdf`);
    await writeFile(files[key], bytes);
    return bytes;
  };

  beforeAll(async () => {
    server = await startE2eServer(backend);
    browser = await launchBrowser();
    dir = await mkdtemp(join(tmpdir(), "sceau-verify-e2e-"));
    institution = await makeInstitution(server.core);
    const valid = await sign("valid");
    await sign("revoked");
    await sign("other");
    await sign("superseded");
    const tampered = Uint8Array.from(valid);
    tampered[300] = (tampered[300] ?? 0) ^ 0x01;
    files.tampered = join(dir, "tampered.pdf");
    await writeFile(files.tampered, tampered);
    // an update after signing that covers the page with a free-text annotation (the Evil Annotation attack)
    const signer = createPdfSigner(await testIdentity("RSA-2048"));
    const overlay = (await attacksOnSigned(valid, { trusted: signer, untrusted: signer })).find((c) =>
      c.name.startsWith("FreeText"),
    );
    files.overlay = join(dir, "overlay.pdf");
    await writeFile(files.overlay, overlay?.bytes ?? new Uint8Array());
    // the issued file with validation data added: intact, but not the bytes the institution issued
    files.withDss = join(dir, "with-dss.pdf");
    await writeFile(files.withDss, await appendDss(valid, { certificates: [] }));
    await server.database.db.execute(
      sql`update documents set status = 'revoked', revoked_at = now(), revocation_reason = ${REASON} where id = ${ids.revoked}`,
    );
    await server.database.db.execute(
      sql`update documents set status = 'superseded', superseded_by = ${ids.other} where id = ${ids.superseded}`,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("gives the verdict in plain words, with every check, and has no serious accessibility violation", async () => {
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();

    // Anyone reaches the verifier from the header of the home page.
    await page.goto(`${server.url}/`);
    expect(await page.getAttribute("html", "lang")).toBe(lang);
    await page
      .getByRole("navigation", { name: t.nav.label })
      .getByRole("link", { name: t.nav.verify })
      .click();
    await page.getByRole("heading", { level: 1, name: t.verify.title }).waitFor();
    await page.getByText(t.verify.notStored).waitFor();
    await audit(page, "empty");
    const chooser = page.getByLabel(t.verify.choose, { exact: true });

    // A valid document: the verdict says who issued it, what it is, when, and takes the focus.
    await chooser.setInputFiles(files.valid);
    const valid = page.getByRole("region", { name: t.verify.verdict.valid });
    await valid.waitFor();
    await valid.getByText(titles.valid, { exact: true }).waitFor();
    const validText = (await valid.textContent()) ?? "";
    expect(validText).toContain(institution.nameFr);
    expect(validText).toContain(t.record.status.active);
    expect(await focusedText(page)).toBe(t.verify.verdict.valid);
    expect(await page.getByRole("heading", { name: t.verify.detailsTitle }).count()).toBe(1);
    expect(await page.locator(".check-failed").count()).toBe(0);
    await audit(page, "valid");

    // A copy with one byte changed: not valid, because it was modified, and what to do about it.
    await page.getByRole("button", { name: t.verify.again }).click();
    await page.waitForFunction(() => document.activeElement?.getAttribute("type") === "file");
    await chooser.setInputFiles(files.tampered);
    const invalid = page.getByRole("region", { name: t.verify.verdict.invalid });
    await invalid.waitFor();
    const invalidText = (await invalid.textContent()) ?? "";
    expect(invalidText).toContain(t.verify.problem.modified);
    expect(invalidText).toContain(t.verify.advice.modified);
    expect(await focusedText(page)).toBe(t.verify.verdict.invalid);
    // A modified copy does not borrow the registry's title or record.
    expect(await invalid.getByRole("link").count()).toBe(0);
    expect(invalidText).not.toContain(titles.valid);
    const digest = page.locator(".check-failed", { hasText: t.verify.checkNames.digest });
    expect(await digest.textContent()).toContain(t.verify.status.failed);
    expect(await digest.textContent()).toContain(t.verify.advice.modified);
    await audit(page, "tampered");

    // A copy with an annotation painted over the page after signing: not valid, and the page says what was added.
    await page.getByRole("button", { name: t.verify.again }).click();
    await chooser.setInputFiles(files.overlay);
    await invalid.waitFor();
    const changes = invalid.getByRole("list", { name: t.verify.changesFound });
    const added =
      lang === "fr"
        ? "Une annotation (texte libre) a été ajoutée à la page 1 après la signature"
        : "An annotation (free text) was added to page 1 after signing";
    expect(await changes.textContent()).toContain(added);
    expect(
      await page.locator(".check-failed", { hasText: t.verify.checkNames.modifications }).textContent(),
    ).toContain(added);
    await audit(page, "overlay");

    // A revoked document: the verdict says so, with the reason, and what to do.
    await page.getByRole("button", { name: t.verify.again }).click();
    await chooser.setInputFiles(files.revoked);
    const revoked = page.getByRole("region", { name: t.verify.verdict.revoked });
    await revoked.waitFor();
    await revoked.getByText(titles.revoked, { exact: true }).waitFor();
    const revokedText = (await revoked.textContent()) ?? "";
    expect(revokedText).toContain(t.verify.reason.replace("{{reason}}", REASON));
    expect(revokedText).toContain(t.verify.advice.revoked);
    await audit(page, "revoked");

    // A superseded document links to the record of the version that replaces it.
    await page.getByRole("button", { name: t.verify.again }).click();
    await chooser.setInputFiles(files.superseded);
    const superseded = page.getByRole("region", { name: t.verify.verdict.superseded });
    await superseded.waitFor();
    await superseded.getByRole("link", { name: t.verify.seeNewVersion }).click();
    await page.getByRole("heading", { level: 1, name: titles.other }).waitFor();
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: t.verify.title }).waitFor();

    // On a phone-sized screen, the verdict still reads well.
    await chooser.setInputFiles(files.revoked);
    await revoked.waitFor();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: screenshotPath(`verify-${lang}-revoked-375`) });
    const failed = await page.locator(".check-failed").first().boundingBox();
    if (failed) {
      const clip = { x: 0, y: Math.max(0, failed.y - 200), width: 375, height: 800 };
      await page.screenshot({
        path: screenshotPath(`verify-${lang}-revoked-375-checks`),
        fullPage: true,
        clip,
      });
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await context.close();

    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
  });

  it("shows a document's record and compares copies with it (/v/:id)", async () => {
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    const recordA11y: Record<string, string[]> = {};
    const check = makeAudit({ prefix: `verify-${lang}`, a11y: recordA11y });

    await page.goto(`${server.url}/v/${ids.valid}`);
    await page.getByRole("heading", { level: 1, name: titles.valid }).waitFor();
    const name = lang === "fr" ? institution.nameFr : institution.nameEn;
    await page.locator(".institution-brand-name", { hasText: name }).waitFor();
    await page.getByText(t.record.statusText.active).waitFor();
    await check(page, "record");

    // The very file issued matches the record.
    await page.getByLabel(t.compare.choose, { exact: true }).setInputFiles(files.valid);
    await page.getByRole("heading", { level: 3, name: t.compare.matches }).waitFor();
    await page.getByText(t.compare.matchesText.active).waitFor();
    expect(await focusedText(page)).toBe(t.compare.matches);
    await check(page, "record-match");

    // Another document does not, and the page says why.
    await page.getByRole("button", { name: t.compare.again }).click();
    await page.getByLabel(t.compare.choose, { exact: true }).setInputFiles(files.other);
    await page.getByRole("heading", { level: 3, name: t.compare.differs }).waitFor();
    await page.getByText(t.compare.why.otherDocument).waitFor();
    await check(page, "record-other");

    // Nor does a modified copy of this very document.
    await page.getByRole("button", { name: t.compare.again }).click();
    await page.getByLabel(t.compare.choose, { exact: true }).setInputFiles(files.tampered);
    await page.getByRole("heading", { level: 3, name: t.compare.differs }).waitFor();
    await page.getByText(t.verify.problem.modified).waitFor();

    // Nor does the issued file with bytes added after issuance, even allowed validation data.
    await page.getByRole("button", { name: t.compare.again }).click();
    await page.getByLabel(t.compare.choose, { exact: true }).setInputFiles(files.withDss);
    await page.getByRole("heading", { level: 3, name: t.compare.differs }).waitFor();
    await page.getByText(t.compare.why.notIssuedFile).waitFor();

    // A revoked record says when and why.
    await page.goto(`${server.url}/v/${ids.revoked}`);
    await page.getByRole("heading", { level: 1, name: titles.revoked }).waitFor();
    await page.getByText(t.verify.reason.replace("{{reason}}", REASON)).waitFor();
    await check(page, "record-revoked");

    // An unknown identifier is a clear "no such document" page.
    await page.goto(`${server.url}/v/00000000-0000-4000-8000-000000000000`);
    await page.getByRole("heading", { level: 1, name: t.record.notFoundTitle }).waitFor();
    await check(page, "record-unknown");

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/v/${ids.valid}`);
    await page.getByRole("heading", { level: 1, name: titles.valid }).waitFor();
    await page.screenshot({ path: screenshotPath(`verify-${lang}-record-375`) });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await context.close();

    expect(recordA11y).toEqual(Object.fromEntries(Object.keys(recordA11y).map((k) => [k, []])));
  });

  it("lets an institution's administrator set the verification notice and the timestamp authority", async () => {
    const admin = await makeUser(server.core, { institutionId: institution.id, role: "institution_admin" });
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page, t.signIn, admin.email, admin.password);
    await page.waitForURL(`**/institutions/${institution.slug}`);
    await page
      .getByRole("navigation", { name: t.institutionTabs.label })
      .getByRole("link", { name: t.institutionTabs.staff })
      .click();

    const section = page.getByRole("region", { name: t.signing.title, exact: true });
    const stamp = section.getByLabel(t.signing.stampEnabled, { exact: true });
    const tsa = section.getByLabel(t.signing.tsaUrl, { exact: true });
    expect(await stamp.isChecked()).toBe(true);

    // A wrong address is refused next to the field; a right one is saved.
    await stamp.uncheck();
    await tsa.fill("ftp://tsa.example.test");
    await section.getByRole("button", { name: t.signing.save }).click();
    await section.getByText(t.validation.url).waitFor();
    expect(await tsa.getAttribute("aria-invalid")).toBe("true");
    await tsa.fill("http://127.0.0.1:9/tsa");
    await section.getByRole("button", { name: t.signing.save }).click();
    await section.getByText(t.signing.saved).waitFor();
    const saved = await server.core.stores.institutions.findById(institution.id);
    expect(saved).toMatchObject({ stampEnabled: false, tsaUrl: "http://127.0.0.1:9/tsa" });

    const violations = await seriousA11yViolations(page);
    await section.screenshot({ path: screenshotPath(`verify-${lang}-signing-settings`) });
    await context.close();
    expect(violations).toEqual([]);
  });
});
