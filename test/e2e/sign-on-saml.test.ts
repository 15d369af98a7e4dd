import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { samlEndpoints } from "../../src/core/sign-on/saml-sign-on-rules.ts";
import { INSTITUTION_PROVIDER_KEY } from "../../src/core/sign-on/sign-on.types.ts";
import { launchBrowser } from "../support/browser.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeAudit } from "../support/e2e/make-audit.ts";
import { startE2eServer } from "../support/e2e-server.ts";
import { makeInstitution, uniq } from "../support/factories.ts";
import { startSamlIdpServer } from "../support/saml-idp-server.ts";
import type { Backend } from "../support/test-database.ts";

/** (b) A learner signs in with their institution's SAML identity provider and lands in the wallet. */
const RUNS: { lang: "fr" | "en"; browserLocale: string; backend: Backend }[] = [
  { lang: "fr", browserLocale: "fr-CA", backend: "pglite" },
  { lang: "en", browserLocale: "en-CA", backend: "postgres" },
];

describe.each(RUNS)(
  "SAML institution sign-on in Chromium, in $lang on $backend",
  ({ lang, browserLocale, backend }) => {
    let server: Awaited<ReturnType<typeof startE2eServer>>;
    let idpServer: Awaited<ReturnType<typeof startSamlIdpServer>>;
    let browser: Browser;
    const a11y: Record<string, string[]> = {};
    const audit = makeAudit({ prefix: `e2e-${lang}-saml`, a11y, widths: [1280, 375] });

    beforeAll(async () => {
      server = await startE2eServer(backend);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await idpServer?.close();
      await server?.close();
    });

    it("goes from the institution's IdP login to the wallet listing the learner's document", async () => {
      const institution = await makeInstitution(server.core, `cegep-${uniq()}`);
      const type = await makeDocumentType(server.core, institution);
      const learner = await makeLearner(server.core, institution, { givenName: "Léa", locale: lang });
      const title = `Diplôme d'études collégiales ${uniq()}`;
      await makeDocument(server.core, institution, { learner, type, title });
      const sp = samlEndpoints(server.url, institution.slug);
      idpServer = await startSamlIdpServer(sp, {
        lea: {
          password: "correct horse",
          nameId: `lea-${uniq()}`,
          attributes: { studentNumber: learner.studentNumber, email: learner.institutionalEmail ?? "" },
        },
      });
      await server.core.stores.identityProviders.create(
        {
          institutionId: institution.id,
          key: INSTITUTION_PROVIDER_KEY,
          nameFr: institution.nameFr,
          nameEn: institution.nameEn,
          enabled: true,
          protocol: "saml",
          settings: {
            idpSsoUrl: idpServer.idp.ssoUrl,
            idpCertificatePem: idpServer.idp.certificatePem,
            idpEntityId: idpServer.idp.entityId,
            studentNumberAttribute: "studentNumber",
            emailAttribute: "email",
          },
          sealedSecret: null,
        },
        new Date(),
      );

      const context = await browser.newContext({ locale: browserLocale });
      const page = await context.newPage();
      await page.goto(`${server.url}/api/v1/sign-on/${institution.slug}/saml/start`);
      expect(page.url().startsWith(idpServer.idp.ssoUrl)).toBe(true);
      await page.getByLabel("Username").fill("lea");
      await page.getByLabel("Password").fill("correct horse");
      await page.getByRole("button", { name: "Sign in at the IdP" }).click();

      await page.waitForURL(`${server.url}/wallet`);
      await page.getByText(title).first().waitFor({ timeout: 15_000 });
      await audit(page, "wallet");
      const cookies = await context.cookies(server.url);
      expect(cookies.find((c) => c.name === "sceau_session")?.httpOnly).toBe(true);

      // A response posted again (here: a hostile one) gets the bilingual page, never a stack trace.
      await page.evaluate((acs) => {
        const form = document.createElement("form");
        form.method = "post";
        form.action = acs;
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = "SAMLResponse";
        input.value = btoa("<samlp:Response><oops");
        form.append(input);
        document.body.append(form);
        form.submit();
      }, sp.acsUrl);
      await page.waitForURL(sp.acsUrl);
      await expect.poll(() => page.getByRole("heading", { name: "Connexion impossible" }).count()).toBe(1);
      expect(await page.getByRole("heading", { name: "Sign-on failed" }).count()).toBe(1);
      await audit(page, "refused");
      await context.close();

      expect(a11y).toEqual({ wallet: [], refused: [] });
    });
  },
);
