import { sql } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../src/web/i18n/en.json" with { type: "json" };
import fr from "../../src/web/i18n/fr.json" with { type: "json" };
import { launchBrowser } from "../support/browser.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeAudit } from "../support/e2e/make-audit.ts";
import { signIn } from "../support/e2e/sign-in.ts";
import { startE2eServer } from "../support/e2e-server.ts";
import { makeInstitution, makeUser, uniq } from "../support/factories.ts";
import { makeOrganizationShare } from "../support/organization-fixtures.ts";
import type { Backend } from "../support/test-database.ts";

/** A reviewer finds a shared document in the organization's inbox, downloads it and marks it processed. */
const RUNS: { lang: "fr" | "en"; browserLocale: string; backend: Backend; t: typeof en }[] = [
  { lang: "fr", browserLocale: "fr-CA", backend: "pglite", t: fr },
  { lang: "en", browserLocale: "en-CA", backend: "postgres", t: en },
];

describe.each(RUNS)("the organization inbox, in $lang on $backend", ({ lang, browserLocale, backend, t }) => {
  let server: Awaited<ReturnType<typeof startE2eServer>>;
  let browser: Browser;
  const a11y: Record<string, string[]> = {};
  const audit = makeAudit({ prefix: `e2e-${lang}-org`, a11y, widths: [1280, 375] });

  beforeAll(async () => {
    server = await startE2eServer(backend);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("signs in, searches the inbox, downloads the signed original (recorded) and marks the share processed", async () => {
    const institution = await makeInstitution(server.core, `cegep-${uniq()}`);
    const type = await makeDocumentType(server.core, institution);
    const org = await server.core.stores.organizations.create({
      slug: `ordre-${uniq()}`,
      nameFr: "Ordre des infirmières",
      nameEn: "Order of Nurses",
      kind: "licensing",
      country: "CA",
      contactEmail: null,
      searchText: "ordre des infirmieres",
    });
    if (!org) throw new Error("no organization");
    const reviewer = await makeUser(server.core);
    await server.core.stores.memberships.add({
      userId: reviewer.user.id,
      role: "reviewer",
      institutionId: null,
      organizationId: org.id,
    });
    const owner = await makeUser(server.core);
    const learner = await makeLearner(server.core, institution, { givenName: "Léa" });
    const title = `Diplôme d'études collégiales ${uniq()}`;
    const other = await makeDocument(server.core, institution, { learner, type, title: `Relevé ${uniq()}` });
    const { document } = await makeDocument(server.core, institution, { learner, type, title });
    await makeOrganizationShare(server, {
      userId: owner.user.id,
      organizationId: org.id,
      documentIds: [other.document.id],
    });
    const { shareId } = await makeOrganizationShare(server, {
      userId: owner.user.id,
      organizationId: org.id,
      documentIds: [document.id],
      message: "Pour mon inscription / For my licence",
    });

    const context = await browser.newContext({ locale: browserLocale, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, {
      url: server.url,
      email: reviewer.email,
      password: reviewer.password,
      labels: t.signIn,
    });
    await page.waitForURL("**/organizations");
    await audit(page, "mine");
    await page
      .getByRole("link", {
        name: t.inbox.pageTitle.replace("{{name}}", lang === "fr" ? org.nameFr : org.nameEn),
      })
      .click();
    await page.waitForURL("**/inbox");
    await expect.poll(() => page.locator(".inbox-item").count()).toBe(2);
    await audit(page, "inbox");

    await page.getByLabel(t.inbox.search, { exact: true }).fill(title.toUpperCase());
    await page.getByRole("button", { name: t.inbox.apply }).click();
    await expect.poll(() => page.locator(".inbox-item").count()).toBe(1);
    const item = page.locator(".inbox-item").first();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      item.getByRole("link", { name: t.inbox.download.replace("{{title}}", title) }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const events = await server.database.db.execute(
      sql`select kind, organization_id, user_id from share_events where share_id = ${shareId}`,
    );
    expect((events as unknown as { rows: unknown[] }).rows).toEqual([
      { kind: "retrieved", organization_id: org.id, user_id: reviewer.user.id },
    ]);

    await item.getByRole("button", { name: t.inbox.markProcessed }).click();
    await page.getByRole("status").filter({ hasText: owner.user.displayName }).waitFor();
    await expect.poll(() => item.getByRole("button", { name: t.inbox.markUnprocessed }).count()).toBe(1);
    await page.getByLabel(t.inbox.state, { exact: true }).selectOption("false");
    await page.getByLabel(t.inbox.search, { exact: true }).fill("");
    await page.getByRole("button", { name: t.inbox.apply }).click();
    await expect.poll(() => page.locator(".inbox-item").count()).toBe(1);
    await expect.poll(() => page.locator(".inbox-item").first().textContent()).not.toContain(title);
    await audit(page, "inbox-filtered");
    await context.close();
  });

  it("lets an organization admin invite a reviewer, see the pending invitation and cancel it", async () => {
    const org = await server.core.stores.organizations.create({
      slug: `clinique-${uniq()}`,
      nameFr: "Clinique du Nord",
      nameEn: "North Clinic",
      kind: "employer",
      country: "CA",
      contactEmail: null,
      searchText: "clinique du nord",
    });
    if (!org) throw new Error("no organization");
    const admin = await makeUser(server.core);
    await server.core.stores.memberships.add({
      userId: admin.user.id,
      role: "organization_admin",
      institutionId: null,
      organizationId: org.id,
    });
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    await signIn(page, { url: server.url, email: admin.email, password: admin.password, labels: t.signIn });
    await page.waitForURL("**/organizations");
    const name = lang === "fr" ? org.nameFr : org.nameEn;
    await page.getByRole("heading", { name: t.organizations.staffOf.replace("{{name}}", name) }).waitFor();
    const invitee = `reviewer-${uniq()}@clinic.test`;
    await page.getByLabel(t.organizations.inviteEmail, { exact: true }).fill(invitee);
    await page.getByLabel(t.organizations.inviteRole, { exact: true }).selectOption("reviewer");
    await page.getByRole("button", { name: t.organizations.invite }).click();
    const table = page.getByRole("table", { name: t.staff.invitations });
    const row = table.getByRole("row").filter({ hasText: invitee });
    await row.waitFor();
    expect(await row.textContent()).toContain(t.roles.reviewer);
    await audit(page, "staff-invitations");
    await row.getByRole("button", { name: `${t.staff.cancel} ${invitee}` }).click();
    await page.getByRole("status").filter({ hasText: t.staff.cancelled }).waitFor();
    await page.getByText(t.staff.noInvitations).waitFor();
    const rows = await server.database.db.execute(
      sql`select cancelled_at is not null as cancelled from organization_invitations where email = ${invitee}`,
    );
    expect((rows as unknown as { rows: unknown[] }).rows).toEqual([{ cancelled: true }]);
    await audit(page, "staff-invitation-cancelled");
    await context.close();
  });

  it("lets the operator list, create and edit organizations", async () => {
    const operator = await makeUser(server.core, { operator: true });
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    await signIn(page, {
      url: server.url,
      email: operator.email,
      password: operator.password,
      labels: t.signIn,
    });
    await page.waitForURL("**/operator/**");
    await page.goto(`${server.url}/operator/organizations`);
    await audit(page, "operator-list");
    await page.getByRole("link", { name: t.organizations.new }).click();
    const slug = `emp-${uniq()}`;
    await page.getByLabel(t.organizations.slug, { exact: true }).fill(slug);
    await page.getByLabel(t.organizations.nameFr, { exact: true }).fill("Hôpital Général");
    await page.getByLabel(t.organizations.nameEn, { exact: true }).fill("General Hospital");
    await page.getByLabel(t.organizations.kind, { exact: true }).selectOption("employer");
    await page.getByLabel(t.organizations.contactEmail, { exact: true }).fill(`rh-${slug}@hopital.test`);
    await audit(page, "operator-new");
    await page.getByRole("button", { name: t.organizations.create }).click();
    await page.waitForURL(`**/operator/organizations/${slug}`);
    await page
      .getByRole("heading", { level: 1, name: lang === "fr" ? "Hôpital Général" : "General Hospital" })
      .waitFor();
    await audit(page, "operator-edit");
    await page.getByRole("button", { name: t.organizations.archive }).first().click();
    await page.getByText(t.organizations.archivedNotice).waitFor();
    await context.close();
  });

  it("found no serious accessibility violation on any page", () => {
    expect(Object.keys(a11y).length).toBeGreaterThan(5);
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
  });
});
