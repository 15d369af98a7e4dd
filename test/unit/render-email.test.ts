import { describe, expect, it } from "vitest";
import { invitationEmail } from "../../src/core/institutions/invitation-email.ts";
import { PORTAL_BRAND, renderEmail } from "../../src/core/mail/render-email.ts";

const institution = {
  id: "i1",
  slug: "vieux-port",
  nameFr: "Cégep du Vieux-Port",
  nameEn: "Old Port College",
  emailDomain: null,
  primaryColor: "#123456",
  accentColor: "#abcdef",
  hasLogo: true,
  stampEnabled: true,
  tsaUrl: null,
  signatureLevel: null,
  createdAt: "",
  updatedAt: "",
};

describe("emails", () => {
  it("puts the recipient's language first and both languages in text and HTML", () => {
    const content = {
      subject: { fr: "Objet", en: "Subject" },
      paragraphs: [{ fr: "Bonjour", en: "Hello" }],
      action: { label: { fr: "Ouvrir", en: "Open" }, url: "https://x.test/a?b=1&c=2" },
    };
    const fr = renderEmail("a@x.test", "fr", PORTAL_BRAND, content);
    const en = renderEmail("a@x.test", "en", PORTAL_BRAND, content);
    expect(fr.subject).toBe("Objet / Subject");
    expect(en.subject).toBe("Subject / Objet");
    expect(fr.text.indexOf("Bonjour")).toBeLessThan(fr.text.indexOf("Hello"));
    expect(en.text.indexOf("Hello")).toBeLessThan(en.text.indexOf("Bonjour"));
    expect(fr.html).toContain('lang="fr"');
    expect(fr.html).toContain('lang="en"');
    expect(fr.html).toContain("https://x.test/a?b=1&amp;c=2");
    expect(fr.text).toContain("Ouvrir: https://x.test/a?b=1&c=2");
  });

  it("escapes names so an institution or inviter cannot inject HTML", () => {
    const m = invitationEmail({
      to: "a@x.test",
      locale: "fr",
      institution: { ...institution, nameFr: '<script>alert("x")</script>' },
      role: "issuer",
      inviterName: "<img src=x onerror=alert(1)>",
      url: "https://sceau.test/invitation#token=abc",
      expiresAt: new Date("2026-12-05T00:00:00Z"),
      publicUrl: "https://sceau.test",
    });
    expect(m.html).not.toContain("<script>");
    expect(m.html).not.toContain("<img src=x");
    expect(m.html).toContain("&lt;script&gt;");
  });

  it("speaks for the institution: its name, colours and logo, and the expiry date in each language", () => {
    const m = invitationEmail({
      to: "a@x.test",
      locale: "en",
      institution,
      role: "institution_admin",
      inviterName: "Marie",
      url: "https://sceau.test/invitation#token=abc",
      expiresAt: new Date("2026-12-05T00:00:00Z"),
      publicUrl: "https://sceau.test",
    });
    expect(m.subject).toBe(
      "Invitation: Old Port College on Sceau / Invitation : Cégep du Vieux-Port sur Sceau",
    );
    expect(m.html).toContain("#123456");
    expect(m.html).toContain("#abcdef");
    expect(m.html).toContain("https://sceau.test/api/v1/institutions/vieux-port/logo");
    expect(m.text).toContain("December 5, 2026");
    expect(m.text).toContain("5 décembre 2026");
  });
});
