import type { Bilingual } from "../../../core/i18n.types.ts";
import { escapeHtml } from "../../../core/mail/escape-html.ts";
import type { SignOnTestResult } from "../../../core/sign-on/sign-on.types.ts";

/** The stylesheet of these pages (the CSP allows styles from the portal itself only). */
export const SAML_PAGE_CSS_PATH = "/saml/page.css";
export const SAML_PAGE_CSS = `
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c2530;background:#f5f6f8;line-height:1.5}
header{background:#13254a;color:#fff;padding:.75rem 1.5rem}
.brand{margin:0;font:700 1.5rem Georgia,serif}
main{max-width:48rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #dde1e6;border-radius:.5rem}
h1,h2{color:#13254a;line-height:1.25}
hr{border:0;border-top:1px solid #dde1e6;margin:2rem 0}
a{color:#1d4f91}
dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.25rem 1rem}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:600;margin:.5rem 0}
th,td{border-bottom:1px solid #dde1e6;padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
@media (max-width:40rem){main{margin:0;border-radius:0;border-width:0}dl{grid-template-columns:1fr}}
`;

/**
 * The few pages the SAML endpoints render themselves: they answer a form the identity provider's
 * page posted, outside the web app. Plain HTML, French then English (lang set on each part), no
 * script or inline style (the portal's CSP), nothing from the request but escaped text.
 */
function page(title: Bilingual, fr: string, en: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title.fr)} · ${escapeHtml(title.en)} — Sceau</title>
<link rel="stylesheet" href="${SAML_PAGE_CSS_PATH}">
</head>
<body>
<header><p class="brand">Sceau</p></header>
<main>
<section>
${fr}
</section>
<hr>
<section lang="en">
${en}
</section>
</main>
</body>
</html>
`;
}

/** A refused sign-on: what happened, and the way back. Never the reason (that goes to the log). */
export function signOnErrorPage(title: Bilingual, message: Bilingual): string {
  return page(
    title,
    `<h1>${escapeHtml(title.fr)}</h1>\n<p>${escapeHtml(message.fr)}</p>\n<p><a href="/sign-in">Retour à la connexion</a></p>`,
    `<h2>${escapeHtml(title.en)}</h2>\n<p>${escapeHtml(message.en)}</p>\n<p><a href="/sign-in">Back to sign in</a></p>`,
  );
}

export const SIGN_ON_ERROR_TITLE: Bilingual = { fr: "Connexion impossible", en: "Sign-on failed" };

function resultPart(
  result: SignOnTestResult,
  t: {
    h: string;
    intro: string;
    subject: string;
    studentNumber: string;
    email: string;
    learner: string;
    yes: string;
    no: string;
    none: string;
    attributes: string;
    name: string;
    value: string;
    noAttributes: string;
  },
  heading: "h1" | "h2",
): string {
  const v = (s: string | null) => (s ? escapeHtml(s) : `<em>${t.none}</em>`);
  const rows = Object.entries(result.claims)
    .map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join("\n");
  return `<${heading}>${t.h}</${heading}>
<p>${t.intro}</p>
<dl>
<dt>${t.subject}</dt><dd>${v(result.subject)}</dd>
<dt>${t.studentNumber}</dt><dd>${v(result.studentNumber)}</dd>
<dt>${t.email}</dt><dd>${v(result.email)}</dd>
<dt>${t.learner}</dt><dd>${result.learnerFound ? t.yes : t.no}</dd>
</dl>
${
  rows
    ? `<table>\n<caption>${t.attributes}</caption>\n<thead><tr><th scope="col">${t.name}</th><th scope="col">${t.value}</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`
    : `<p>${t.noAttributes}</p>`
}`;
}

/** A connection test's answer for the administrator: what the IdP sent, and how it maps. Nobody was signed in. */
export function samlTestResultPage(result: SignOnTestResult, settingsPath: string): string {
  const back = escapeHtml(settingsPath);
  return page(
    { fr: "Test de connexion SAML réussi", en: "SAML connection test passed" },
    `${resultPart(
      result,
      {
        h: "Test de connexion SAML réussi",
        intro:
          "Le fournisseur d'identité a envoyé une assertion signée et valide. Personne n'a été connecté à Sceau.",
        subject: "Identifiant (NameID)",
        studentNumber: "Numéro d'étudiant (selon la correspondance)",
        email: "Courriel (selon la correspondance)",
        learner: "Personne étudiante trouvée dans l'établissement",
        yes: "Oui",
        no: "Non",
        none: "aucun",
        attributes: "Attributs reçus",
        name: "Attribut",
        value: "Valeur",
        noAttributes: "Aucun attribut reçu.",
      },
      "h1",
    )}\n<p><a href="${back}">Retour aux paramètres</a></p>`,
    `${resultPart(
      result,
      {
        h: "SAML connection test passed",
        intro: "The identity provider sent a valid signed assertion. Nobody was signed in to Sceau.",
        subject: "Identifier (NameID)",
        studentNumber: "Student number (per the mapping)",
        email: "Email (per the mapping)",
        learner: "Learner found in the institution",
        yes: "Yes",
        no: "No",
        none: "none",
        attributes: "Attributes received",
        name: "Attribute",
        value: "Value",
        noAttributes: "No attributes received.",
      },
      "h2",
    )}\n<p><a href="${back}">Back to the settings</a></p>`,
  );
}
