import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../src/web/i18n/en.json" with { type: "json" };
import fr from "../../src/web/i18n/fr.json" with { type: "json" };
import { launchBrowser, submitSignIn } from "../support/browser.ts";
import { makeAudit } from "../support/e2e/make-audit.ts";
import { screenshotPath } from "../support/e2e/screenshot-path.ts";
import { startE2eServer } from "../support/e2e-server.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import type { Backend } from "../support/test-database.ts";

/** One run per language, on each database: an institution administrator manages learners and document types. */
const RUNS: { lang: "fr" | "en"; browserLocale: string; backend: Backend; t: typeof en }[] = [
  { lang: "fr", browserLocale: "fr-CA", backend: "pglite", t: fr },
  { lang: "en", browserLocale: "en-CA", backend: "postgres", t: en },
];

/** "Rows: {{count}}" → "Rows: 3". */
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));

const BAD_CSV = [
  "numero_etudiant,prenom,nom,courriel_institutionnel",
  "1001,Émilie,Côté,emilie.cote@example.test",
  "1002,=cmd,Bélanger,pas-un-courriel",
  "1003,Ana,Nguyen,ana.nguyen@example.test",
].join("\n");

const GOOD_CSV = [
  "student_number,given_name,family_name,institutional_email,language",
  "1001,Émilie,Côté,emilie.cote@example.test,fr",
  '1002,Jérôme,"Bélanger",jerome.belanger@example.test,fr',
  "1003,Ana,Nguyen,ana.nguyen@example.test,en",
].join("\r\n");

describe.each(RUNS)(
  "learners and document types, in $lang on $backend",
  ({ lang, browserLocale, backend, t }) => {
    let server: Awaited<ReturnType<typeof startE2eServer>>;
    let browser: Browser;
    let dir: string;
    const a11y: Record<string, string[]> = {};

    const audit = makeAudit({ prefix: `e2e-${lang}-learners`, a11y });

    beforeAll(async () => {
      server = await startE2eServer(backend);
      browser = await launchBrowser();
      dir = await mkdtemp(join(tmpdir(), "sceau-e2e-csv-"));
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it("imports, searches and edits learners, adds a priced document type, with no serious accessibility violation", async () => {
      const institution = await makeInstitution(server.core, `cegep-${uniq()}`);
      const slug = institution.slug;
      const admin = await makeUser(server.core, { institutionId: institution.id, role: "institution_admin" });
      const institutionName = lang === "fr" ? institution.nameFr : institution.nameEn;

      const context = await browser.newContext({ locale: browserLocale });
      const page = await context.newPage();
      await page.goto(`${server.url}/sign-in`);
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      await submitSignIn(page, t.signIn, admin.email, admin.password);
      await page.waitForURL(`**/institutions/${slug}`);

      // The tabs: the overview is current; open the learners.
      const tabs = page.getByRole("navigation", { name: t.institutionTabs.label });
      await expect
        .poll(() => tabs.getByRole("link", { name: t.institutionTabs.overview }).getAttribute("aria-current"))
        .toBe("page");
      await tabs.getByRole("link", { name: t.institutionTabs.learners }).click();
      await page
        .getByRole("heading", { level: 1, name: fill(t.learners.pageTitle, { name: institutionName }) })
        .waitFor();
      expect(
        await tabs.getByRole("link", { name: t.institutionTabs.learners }).getAttribute("aria-current"),
      ).toBe("page");
      await page.getByText(t.learners.none).waitFor();
      await audit(page, "learners-empty");

      // A CSV with one bad row: its errors are shown and nothing can be imported.
      const badPath = join(dir, "learners-bad.csv");
      await writeFile(badPath, BAD_CSV);
      const fileInput = page.getByLabel(t.learnerImport.file, { exact: true });
      await fileInput.setInputFiles(badPath);
      const preview = page.getByRole("table", { name: t.learnerImport.tableCaption });
      await preview.waitFor();
      await page.getByText(fill(t.learnerImport.withErrors, { count: 1 })).waitFor();
      const badRow = preview.getByRole("row").filter({ hasText: "1002" });
      await expect
        .poll(() => badRow.getByRole("cell").nth(1).textContent())
        .toBe(t.learnerImport.actions.error);
      const errors = badRow.getByRole("listitem");
      expect(await errors.count()).toBe(2);
      expect(await errors.nth(0).textContent()).toContain(t.learners.givenName);
      expect(await errors.nth(1).textContent()).toContain(t.learners.institutionalEmail);
      expect(
        await preview.getByRole("cell", { name: t.learnerImport.actions.create, exact: true }).count(),
      ).toBe(2);
      const importButton = page.getByRole("button", { name: fill(t.learnerImport.submit, { count: 2 }) });
      expect(await importButton.isDisabled()).toBe(true);
      await page.getByText(t.learnerImport.fixFirst).waitFor();
      await audit(page, "import-errors");

      // The corrected CSV: three new learners, imported.
      const goodPath = join(dir, "learners-good.csv");
      await writeFile(goodPath, `\uFEFF${GOOD_CSV}\r\n`);
      await fileInput.setInputFiles(goodPath);
      await page.getByText(fill(t.learnerImport.withErrors, { count: 0 })).waitFor();
      expect(
        await preview.getByRole("cell", { name: t.learnerImport.actions.create, exact: true }).count(),
      ).toBe(3);
      expect(await preview.getByRole("cell", { name: "Bélanger", exact: true }).count()).toBe(1);
      const importThree = page.getByRole("button", { name: fill(t.learnerImport.submit, { count: 3 }) });
      expect(await importThree.isEnabled()).toBe(true);
      await audit(page, "import-preview");
      await page.setViewportSize({ width: 375, height: 800 });
      await page.screenshot({
        path: screenshotPath(`e2e-${lang}-learners-import-preview-375`),
        fullPage: true,
      });
      await page.setViewportSize({ width: 1280, height: 720 });
      await importThree.click();
      await page.getByText(fill(t.learnerImport.done, { created: 3, updated: 0, unchanged: 0 })).waitFor();
      expect(await importThree.isDisabled()).toBe(true);

      // The list shows the three learners, by family name.
      const list = page.getByRole("table", { name: t.learners.tableCaption });
      await list.waitFor();
      await expect.poll(() => list.getByRole("row").count()).toBe(4);
      expect(await list.locator("tbody tr td:first-child").allTextContents()).toEqual([
        "Bélanger",
        "Côté",
        "Nguyen",
      ]);
      await page.getByText(fill(t.learners.count, { formatted: 3 })).waitFor();
      await audit(page, "learners");

      // The search ignores accents: "cote" finds Côté.
      const searchBox = page.getByRole("searchbox", { name: t.learners.search });
      await searchBox.fill("cote");
      await page
        .getByRole("search", { name: t.learners.searchLabel })
        .getByRole("button", { name: t.learners.searchSubmit })
        .click();
      await page.getByText(fill(t.learners.count, { formatted: 1 })).waitFor();
      await expect.poll(() => list.getByRole("row").count()).toBe(2);
      expect(await list.getByRole("cell", { name: "Côté", exact: true }).count()).toBe(1);

      // Edit her email.
      await list.getByRole("link", { name: `${t.learners.edit} Émilie Côté` }).click();
      await page.waitForURL(new RegExp(`/institutions/${slug}/learners/[^/]+$`));
      await page.getByRole("heading", { level: 1, name: "Émilie Côté" }).waitFor();
      const emailField = page.getByLabel(t.learners.institutionalEmail, { exact: true });
      expect(await emailField.inputValue()).toBe("emilie.cote@example.test");
      await audit(page, "learner-edit");
      await emailField.fill("not an email");
      await page.getByRole("button", { name: t.learners.save }).click();
      expect(await emailField.getAttribute("aria-invalid")).toBe("true");
      await emailField.fill("e.cote@example.test");
      await page.getByRole("button", { name: t.learners.save }).click();
      await page.getByText(t.learners.saved).waitFor();
      expect(await emailField.getAttribute("aria-invalid")).toBeNull();
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "Émilie Côté" }).waitFor();
      await expect
        .poll(() => page.getByLabel(t.learners.institutionalEmail, { exact: true }).inputValue())
        .toBe("e.cote@example.test");
      await page.getByRole("link", { name: t.learners.back }).click();
      await list.waitFor();
      expect(await list.getByRole("cell", { name: "e.cote@example.test", exact: true }).count()).toBe(1);

      // Document types: add one with an unlock fee, shown as money in the page's language.
      await tabs.getByRole("link", { name: t.institutionTabs.documentTypes }).click();
      await page
        .getByRole("heading", { level: 1, name: fill(t.documentTypes.pageTitle, { name: institutionName }) })
        .waitFor();
      await page.getByText(t.documentTypes.none).waitFor();
      const code = "RELEVE";
      await page.getByLabel(t.documentTypes.code, { exact: true }).fill(code.toLowerCase());
      await page.getByLabel(t.documentTypes.nameFr, { exact: true }).fill("Relevé de notes");
      await page.getByLabel(t.documentTypes.nameEn, { exact: true }).fill("Transcript");
      const unlockField = page.getByLabel(t.documentTypes.unlockFee, { exact: true });
      expect(await unlockField.inputValue()).toBe(lang === "fr" ? "0,00" : "0.00");
      await unlockField.fill(lang === "fr" ? "12,50" : "12.50");
      await page.getByRole("button", { name: t.documentTypes.addSubmit }).click();
      await page.getByText(fill(t.documentTypes.saved, { code })).waitFor();
      const types = page.getByRole("table", { name: t.documentTypes.tableCaption });
      const row = types.getByRole("row").filter({ hasText: code });
      // The list refreshes after the confirmation: wait for the new row's cells.
      await expect
        .poll(async () => (await row.getByRole("cell").allTextContents()).slice(0, 7))
        .toEqual([
          code,
          lang === "fr" ? "Relevé de notes" : "Transcript",
          lang === "fr" ? "12,50\u00a0$" : "$12.50",
          t.documentTypes.free,
          t.documentTypes.yes,
          fill(t.documentTypes.days, { count: 90 }),
          t.documentTypes.active,
        ]);
      // The form is empty again, ready for another type.
      expect(await page.getByLabel(t.documentTypes.code, { exact: true }).inputValue()).toBe("");
      await audit(page, "document-types");

      // Edit it: the fee reads back as typed in this language; add a share fee.
      await row.getByRole("button", { name: `${t.documentTypes.edit} ${code}` }).click();
      await page
        .getByRole("heading", { level: 2, name: fill(t.documentTypes.editTitle, { code }) })
        .waitFor();
      expect(await unlockField.inputValue()).toBe(lang === "fr" ? "12,50" : "12.50");
      await page.getByLabel(t.documentTypes.shareFee, { exact: true }).fill("3");
      await page.getByRole("button", { name: t.documentTypes.save }).click();
      await page.getByRole("heading", { level: 2, name: t.documentTypes.addTitle }).waitFor();
      await expect
        .poll(() => row.getByRole("cell").nth(3).textContent())
        .toBe(lang === "fr" ? "3,00\u00a0$" : "$3.00");

      // Archive it; it stays listed, marked archived, and the message says so (not the earlier "saved").
      await row.getByRole("button", { name: `${t.documentTypes.archive} ${code}` }).click();
      await page.getByText(fill(t.documentTypes.archivedDone, { code })).waitFor();
      await expect.poll(() => row.getByRole("cell").nth(6).textContent()).toBe(t.documentTypes.archived);
      expect(await page.getByText(fill(t.documentTypes.saved, { code })).count()).toBe(0);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.setViewportSize({ width: 375, height: 800 });
      await page.screenshot({
        path: screenshotPath(`e2e-${lang}-learners-document-types-375`),
        fullPage: true,
      });

      expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
      await context.close();
    }, 180_000);
  },
);
