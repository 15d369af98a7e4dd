import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import t from "../../src/web/i18n/fr.json" with { type: "json" };
import { launchBrowser, seriousA11yViolations, submitSignIn } from "../support/browser.ts";
import { makeDocumentType } from "../support/document-factories.ts";
import { qpDecode } from "../support/e2e/qp-decode.ts";
import { linkInRawMail, startE2eServer } from "../support/e2e-server.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import { makeZip } from "../support/make-zip.ts";
import { samplePdf } from "../support/sample-pdf.ts";

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));

/**
 * The registrar's whole day, in French on PostgreSQL: three learners imported by CSV, a batch of
 * three PDFs issued and followed to the end, the invitations received by a real SMTP server, one
 * learner claiming their documents from the email, one document revoked, and the public
 * verification page reporting it revoked.
 */
describe("from the student information system's export to a revoked diploma", () => {
  let server: Awaited<ReturnType<typeof startE2eServer>>;
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    server = await startE2eServer("postgres", { worker: true });
    browser = await launchBrowser();
    dir = await mkdtemp(join(tmpdir(), "sceau-e2e-journey-"));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("imports learners, issues a batch, delivers working claim links, revokes a document", async () => {
    const institution = await makeInstitution(server.core, `cegep-${uniq()}`);
    const slug = institution.slug;
    const name = institution.nameFr;
    const issuer = await makeUser(server.core, { institutionId: institution.id, role: "issuer" });
    const type = await makeDocumentType(server.core, institution);
    const tag = uniq();
    const emails = [`emilie-${tag}@example.test`, `jerome-${tag}@example.test`, `ana-${tag}@example.test`];
    const violations: Record<string, string[]> = {};

    const context = await browser.newContext({ locale: "fr-CA", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page, t.signIn, issuer.email, issuer.password);
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));

    // 1. Three learners from the student information system's CSV export.
    const tabs = page.getByRole("navigation", { name: t.institutionTabs.label });
    await page.goto(`${server.url}/institutions/${slug}/learners`);
    const learnersCsv = join(dir, "learners.csv");
    await writeFile(
      learnersCsv,
      [
        "numero_etudiant,prenom,nom,courriel_personnel,langue",
        `${tag}1,Émilie,Côté,${emails[0]},fr`,
        `${tag}2,Jérôme,Bélanger,${emails[1]},fr`,
        `${tag}3,Ana,Nguyen,${emails[2]},en`,
      ].join("\r\n"),
    );
    await page.getByLabel(t.learnerImport.file, { exact: true }).setInputFiles(learnersCsv);
    await page.getByText(fill(t.learnerImport.withErrors, { count: 0 })).waitFor();
    await page.getByRole("button", { name: fill(t.learnerImport.submit, { count: 3 }) }).click();
    await page.getByText(fill(t.learnerImport.done, { created: 3, updated: 0, unchanged: 0 })).waitFor();

    // 2. A batch of three PDFs, followed to the end.
    await tabs.getByRole("link", { name: t.institutionTabs.batches }).click();
    await page.getByRole("heading", { level: 1, name: fill(t.batches.pageTitle, { name }) }).waitFor();
    const manifest = join(dir, "diplomes.csv");
    await writeFile(
      manifest,
      [
        "identifiant_externe,numero_etudiant,type_document,titre,date_emission,fichier",
        `DEC-${tag}-1,${tag}1,${type.code},Diplôme d'études collégiales,2026-06-15,cote.pdf`,
        `DEC-${tag}-2,${tag}2,${type.code},Diplôme d'études collégiales,2026-06-15,belanger.pdf`,
        `DEC-${tag}-3,${tag}3,${type.code},Diplôme d'études collégiales,2026-06-15,nguyen.pdf`,
      ].join("\r\n"),
    );
    const zip = join(dir, "diplomes.zip");
    await writeFile(
      zip,
      makeZip([
        { name: "cote.pdf", data: await samplePdf({ title: "Émilie Côté" }) },
        { name: "belanger.pdf", data: await samplePdf({ title: "Jérôme Bélanger" }) },
        { name: "nguyen.pdf", data: await samplePdf({ title: "Ana Nguyen" }) },
      ]),
    );
    await page.getByLabel(t.batches.manifest, { exact: true }).setInputFiles(manifest);
    await page.getByLabel(t.batches.archive, { exact: true }).setInputFiles(zip);
    await page.getByRole("button", { name: t.batches.issue }).click();
    await page.waitForURL(/\/batches\/[0-9a-f-]{36}$/);
    await page
      .getByText(fill(t.batches.progressDone, { issued: 3, total: 3, failed: 0, skipped: 0 }))
      .waitFor({ timeout: 60_000 });
    violations.batch = await seriousA11yViolations(page);

    // 3. Each learner receives the access code and, separately, the claim password, over SMTP.
    const deadline = Date.now() + 60_000;
    while (server.smtp.messages.length < 6 && Date.now() < deadline) await page.waitForTimeout(100);
    for (const to of emails) expect(server.smtp.messages.filter((m) => m.to.includes(to))).toHaveLength(2);
    const emilie = server.smtp.messages.filter((m) => m.to.includes(emails[0] as string)).map((m) => m.raw);
    const codeMail = emilie.find((raw) => qpDecode(raw, { utf8: true }).includes("/claim#code=")) as string;
    const passwordMail = emilie.find((raw) => raw !== codeMail) as string;
    const claimLink = linkInRawMail(codeMail, "/claim#code=");
    const password = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(
      qpDecode(passwordMail, { utf8: true }),
    )?.[1] as string;
    expect(password).toBeTruthy();

    // 4. The claim link works: Émilie opens it in her own browser, creates her account, activates it.
    const learnerContext = await browser.newContext({ locale: "fr-CA" });
    const learner = await learnerContext.newPage();
    await learner.goto(claimLink);
    await learner.getByRole("heading", { level: 1, name: t.claim.title }).waitFor();
    expect(
      (await learner.getByLabel(t.claim.code, { exact: true }).inputValue()).replace(/-/g, ""),
    ).toHaveLength(26);
    await learner.getByLabel(t.claim.password, { exact: true }).fill(password);
    await learner.getByRole("button", { name: t.claim.codeSubmit }).click();
    await learner.getByRole("heading", { name: t.claim.accountTitle }).waitFor();
    violations.claim = await seriousA11yViolations(learner);
    expect(await learner.getByLabel(t.claim.email, { exact: true }).inputValue()).toBe(emails[0]);
    const ownPassword = `un mot de passe à moi ${uniq()}`;
    await learner.getByLabel(t.claim.newPassword, { exact: true }).fill(ownPassword);
    await learner.getByLabel(t.claim.confirmation, { exact: true }).fill(ownPassword);
    await learner.getByLabel(t.claim.acceptTerms).check();
    await learner.getByRole("button", { name: t.claim.accountSubmit }).click();
    await learner.getByRole("heading", { name: t.claim.sentTitle }).waitFor();
    const until = Date.now() + 30_000;
    let activation: string | undefined;
    while (!activation && Date.now() < until) {
      activation = server.smtp.messages
        .filter((m) => m.to.includes(emails[0] as string))
        .map((m) => m.raw)
        .find((raw) => qpDecode(raw, { utf8: true }).includes("/activate#token="));
      if (!activation) await learner.waitForTimeout(100);
    }
    await learner.goto(linkInRawMail(activation as string, "/activate#token="));
    await learner.getByRole("heading", { level: 1, name: t.wallet.title }).waitFor();
    await learner.getByText("Diplôme d'études collégiales").first().waitFor();

    // 5. The registrar revokes Émilie's diploma.
    await page.goto(`${server.url}/institutions/${slug}/documents?q=${encodeURIComponent("Côté")}`);
    await page.getByRole("link", { name: "Diplôme d'études collégiales" }).first().click();
    await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    const documentId = page.url().split("/").pop() as string;
    await page.getByRole("button", { name: t.documents.revoke }).click();
    const dialog = page.getByRole("dialog");
    await dialog
      .getByLabel(t.documents.revocationReason)
      .fill("Diplôme délivré par erreur : le programme n'était pas terminé.");
    await dialog.getByRole("button", { name: t.documents.revokeConfirm }).click();
    await page.getByText(t.documents.revokedDone).waitFor();

    // 6. The public verification page reports it revoked, with the reason; so does Émilie's wallet.
    const anyone = await (await browser.newContext({ locale: "fr-CA" })).newPage();
    await anyone.goto(`${server.url}/v/${documentId}`);
    await anyone.getByText(t.record.status.revoked, { exact: true }).first().waitFor();
    await anyone.getByText("le programme n'était pas terminé").waitFor();
    violations.record = await seriousA11yViolations(anyone);
    await learner.reload();
    await learner
      .getByText(t.wallet.statusText.revoked.split("{{date}}")[0] as string)
      .first()
      .waitFor();

    expect(violations).toEqual({ batch: [], claim: [], record: [] });
  }, 240_000);
});
