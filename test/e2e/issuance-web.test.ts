import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../src/web/i18n/en.json" with { type: "json" };
import fr from "../../src/web/i18n/fr.json" with { type: "json" };
import { launchBrowser, seriousA11yViolations, submitSignIn } from "../support/browser.ts";
import { makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeAudit } from "../support/e2e/make-audit.ts";
import { startE2eServer } from "../support/e2e-server.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import { makeZip } from "../support/make-zip.ts";
import { samplePdf } from "../support/sample-pdf.ts";
import type { Backend } from "../support/test-database.ts";

/** One run per language, on each database: an issuer issues one document, then batches, and resends a learner's code. */
const RUNS: { lang: "fr" | "en"; browserLocale: string; backend: Backend; t: typeof en }[] = [
  { lang: "fr", browserLocale: "fr-CA", backend: "pglite", t: fr },
  { lang: "en", browserLocale: "en-CA", backend: "postgres", t: en },
];

/** "Rows: {{formatted}}" → "Rows: 3". */
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

describe.each(RUNS)(
  "issuing from the web app, in $lang on $backend",
  ({ lang, browserLocale, backend, t }) => {
    let server: Awaited<ReturnType<typeof startE2eServer>>;
    let browser: Browser;
    let dir: string;
    const a11y: Record<string, string[]> = {};

    /** axe on the page at 1280 px and 375 px wide, and screenshots at both (in test-results/, to look at). */
    const audit = makeAudit({
      prefix: `e2e-${lang}-issuance`,
      a11y,
      widths: [1280, 375],
      a11yAtEachWidth: true,
    });

    beforeAll(async () => {
      server = await startE2eServer(backend, { worker: true });
      browser = await launchBrowser();
      dir = await mkdtemp(join(tmpdir(), "sceau-e2e-issue-"));
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it("issues one document, checks then issues a batch, shows a refused batch's problems, resends an access code", async () => {
      const institution = await makeInstitution(server.core);
      const slug = institution.slug;
      const name = lang === "fr" ? institution.nameFr : institution.nameEn;
      const issuer = await makeUser(server.core, { institutionId: institution.id, role: "issuer" });
      const ana = await makeLearner(server.core, institution, { givenName: "Ana", locale: lang });
      const ben = await makeLearner(server.core, institution, { givenName: "Ben", locale: lang });
      const type = await makeDocumentType(server.core, institution);

      const context = await browser.newContext({
        locale: browserLocale,
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/sign-in`);
      await submitSignIn(page, t.signIn, issuer.email, issuer.password);
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));

      // One document, through the form reached from the registry.
      await page.goto(`${server.url}/institutions/${slug}/documents`);
      await page.getByRole("link", { name: t.issue.action }).click();
      await page.getByRole("heading", { level: 1, name: fill(t.issue.pageTitle, { name }) }).waitFor();
      await page.getByRole("button", { name: t.issue.submit }).click();
      await page.getByText(t.validation.learnerRequired).waitFor();
      await page.getByText(t.validation.pdfChoose).waitFor();
      expect(await page.getByRole("alert").first().textContent()).toContain(t.forms.fixErrors);
      await audit(page, "issue-form-errors");

      await page.getByLabel(t.issue.learnerSearch, { exact: true }).fill(ana.studentNumber);
      await page.getByLabel(t.issue.learnerSearch, { exact: true }).press("Enter");
      const anaName = `${ana.familyName}, ${ana.givenName}`;
      await page
        .getByRole("radio", {
          name: fill(t.issue.learnerOption, { name: anaName, number: ana.studentNumber }),
        })
        .check();
      await page
        .getByText(fill(t.issue.learnerChosen, { name: anaName, number: ana.studentNumber }))
        .waitFor();
      await page.getByLabel(t.issue.type, { exact: true }).selectOption(type.id);
      const title = `Relevé de notes — automne ${uniq()}`;
      await page.getByLabel(t.issue.docTitle, { exact: true }).fill(title);
      expect(await page.getByLabel(t.issue.issueDate, { exact: true }).inputValue()).toMatch(
        /^\d{4}-\d{2}-\d{2}$/,
      );
      await page.getByLabel(t.issue.externalId, { exact: true }).fill(`ONE-${uniq()}`);
      const pdfPath = join(dir, "releve.pdf");
      await writeFile(pdfPath, await samplePdf({ title }));
      await page.getByLabel(t.issue.pdf, { exact: true }).setInputFiles(pdfPath);
      await page.getByRole("button", { name: t.issue.submit }).click();
      await page.waitForURL(new RegExp(`/institutions/${slug}/documents/${UUID}$`));
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      await page.getByText(t.issue.done).waitFor();

      // A batch of two: checked only (nothing issued), then issued; its page follows it to the end.
      const tabs = page.getByRole("navigation", { name: t.institutionTabs.label });
      await tabs.getByRole("link", { name: t.institutionTabs.batches }).click();
      await page.getByRole("heading", { level: 1, name: fill(t.batches.pageTitle, { name }) }).waitFor();
      await page.getByText(t.batches.none).waitFor();
      await audit(page, "batches-empty");
      const header =
        lang === "fr"
          ? "identifiant_externe,numero_etudiant,type_document,titre,date_emission,fichier"
          : "external_id,student_number,document_type,title,issue_date,file";
      const tag = uniq();
      const manifestPath = join(dir, "manifest.csv");
      await writeFile(
        manifestPath,
        [
          header,
          `B-${tag}-1,${ana.studentNumber},${type.code},Diplôme d'études collégiales,2026-06-15,ana.pdf`,
          `B-${tag}-2,${ben.studentNumber},${type.code},"Relevé de notes, final",2026-06-15,ben/releve.pdf`,
        ].join("\r\n"),
      );
      const zipPath = join(dir, "files.zip");
      await writeFile(
        zipPath,
        makeZip([
          { name: "ana.pdf", data: await samplePdf({ title: "Ana" }) },
          { name: "ben/releve.pdf", data: await samplePdf({ title: "Ben" }) },
        ]),
      );
      await page.getByLabel(t.batches.manifest, { exact: true }).setInputFiles(manifestPath);
      await page.getByLabel(t.batches.archive, { exact: true }).setInputFiles(zipPath);
      await page.getByRole("button", { name: t.batches.check }).click();
      await page.getByText(t.batches.checkedOk).waitFor();
      await page.getByText(fill(t.batches.rows, { formatted: 2 })).waitFor();
      await page.getByText(fill(t.batches.toIssue, { formatted: 2 })).waitFor();
      expect(await page.getByText(t.batches.none).count()).toBe(1);
      await audit(page, "batches-checked");

      await page.getByRole("button", { name: t.batches.issue }).click();
      await page.waitForURL(new RegExp(`/institutions/${slug}/batches/${UUID}$`));
      await page
        .getByRole("heading", { level: 1, name: fill(t.batches.batchTitle, { name: "manifest.csv" }) })
        .waitFor();
      await page
        .getByText(fill(t.batches.progressDone, { issued: 2, total: 2, failed: 0, skipped: 0 }))
        .waitFor({ timeout: 30_000 });
      const bar = page.getByRole("progressbar", { name: t.batches.progressLabel });
      expect(await bar.getAttribute("value")).toBe("2");
      expect(await bar.getAttribute("max")).toBe("2");
      const rows = page.getByRole("table", { name: t.batches.rowsCaption });
      await expect.poll(() => rows.getByRole("link").count()).toBe(2);
      expect(await rows.getByRole("cell", { name: t.batches.itemStatuses.issued, exact: true }).count()).toBe(
        2,
      );
      expect(await page.getByRole("link", { name: t.batches.downloadErrors }).count()).toBe(0);
      await audit(page, "batch-done");
      await page.getByLabel(t.batches.filter, { exact: true }).selectOption("failed");
      await page.getByText(t.batches.noRows).waitFor();
      await rows.waitFor({ state: "detached" });
      await page.getByLabel(t.batches.filter, { exact: true }).selectOption("");
      await rows.getByRole("link", { name: "Diplôme d'études collégiales" }).click();
      await page.waitForURL(new RegExp(`/institutions/${slug}/documents/${UUID}$`));

      // The batch is listed; a batch with problems issues nothing and shows them, row by row.
      await page.goto(`${server.url}/institutions/${slug}/batches`);
      const recent = page.getByRole("table", { name: t.batches.recentCaption });
      await recent.getByRole("link", { name: "manifest.csv" }).waitFor();
      expect(await recent.getByRole("row").count()).toBe(2);
      const badPath = join(dir, "bad.csv");
      await writeFile(
        badPath,
        [
          header,
          `X-${tag}-1,NOPE-${tag},${type.code},Titre,2026-06-15,ana.pdf`,
          `X-${tag}-2,${ben.studentNumber},${type.code},=cmd|' /C calc'!A0,2026-13-01,missing.pdf`,
        ].join("\n"),
      );
      await page.getByLabel(t.batches.manifest, { exact: true }).setInputFiles(badPath);
      await page.getByLabel(t.batches.archive, { exact: true }).setInputFiles(zipPath);
      await page.getByRole("button", { name: t.batches.issue }).click();
      const problems = page.getByRole("table", { name: t.batches.problemsCaption });
      await problems.waitFor();
      const columns =
        lang === "fr"
          ? { studentNumber: "numero_etudiant", title: "titre", issueDate: "date_emission", file: "fichier" }
          : { studentNumber: "student_number", title: "title", issueDate: "issue_date", file: "file" };
      const column = (field: keyof typeof columns) => columns[field];
      const problemRow = (line: number, where: string) =>
        problems
          .getByRole("row")
          .filter({ has: page.getByRole("cell", { name: String(line), exact: true }) })
          .filter({
            has: page.getByRole("cell", { name: where, exact: true }),
          });
      expect(await problemRow(2, column("studentNumber")).count()).toBe(1);
      expect(await problemRow(3, column("title")).count()).toBeGreaterThanOrEqual(1);
      expect(await problemRow(3, column("issueDate")).count()).toBeGreaterThanOrEqual(1);
      expect(await problemRow(3, column("file")).count()).toBeGreaterThanOrEqual(1);
      expect(await problems.getByRole("row").filter({ hasText: "ben/releve.pdf" }).count()).toBe(1);
      const count = await problems.getByRole("row").count();
      await page.getByText(fill(t.batches.problemsCount_other, { formatted: count - 1 })).waitFor();
      expect(await page.getByRole("alert").first().textContent()).not.toBe("");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: t.batches.downloadProblems }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(t.batches.problemsFile);
      const csv = (await readFile(await download.path())).toString("utf8");
      expect(csv.split("\r\n")[0]).toBe(
        `\uFEFF${[t.batches.csvLine, t.batches.csvColumn, t.batches.csvFile, t.batches.csvMessage].join(",")}`,
      );
      expect(csv.split("\r\n").filter(Boolean)).toHaveLength(count);
      expect(csv).toContain("ben/releve.pdf");
      expect(await recent.getByRole("row").count()).toBe(2);
      await audit(page, "batch-problems");

      // The learner's invitation: sent by the worker, then a new code on request.
      await page.goto(`${server.url}/institutions/${slug}/learners/${ana.id}`);
      await page.getByRole("heading", { level: 2, name: t.learnerInvitation.title }).waitFor();
      const sentPrefix = t.learnerInvitation.sent_other.split("{{")[0] as string;
      await page.getByText(sentPrefix).first().waitFor({ timeout: 20_000 });
      await page.getByRole("button", { name: t.learnerInvitation.resend }).click();
      const dialog = page.getByRole("dialog", { name: t.learnerInvitation.resendTitle });
      await dialog.getByText(t.learnerInvitation.resendWarning).waitFor();
      a11y["resend-dialog"] = await seriousA11yViolations(page);
      await dialog.getByRole("button", { name: t.learnerInvitation.resendConfirm }).click();
      await page.getByText(t.learnerInvitation.resent).waitFor();
      await dialog.waitFor({ state: "hidden" });
      await expect
        .poll(async () => page.locator(".invitation-panel dd").first().textContent(), { timeout: 20_000 })
        .toContain("(2 ");
      await audit(page, "learner-invitation");

      expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
      await context.close();
    }, 180_000);
  },
);
