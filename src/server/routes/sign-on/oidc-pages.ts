import type { Bilingual } from "../../../core/i18n.types.ts";
import { escapeHtml } from "../../../core/mail/escape-html.ts";
import type { SignOnTestResult } from "../../../core/sign-on/sign-on.types.ts";

const LABELS = {
  fr: {
    title: "Test de connexion OpenID Connect réussi",
    intro:
      "Le fournisseur d'identité a répondu et son jeton d'identité est valide. Personne n'a été connecté à Sceau.",
    subject: "Identifiant (sub)",
    studentNumber: "Numéro d'étudiant (selon la correspondance)",
    email: "Courriel (selon la correspondance)",
    learner: "Personne étudiante trouvée dans l'établissement",
    yes: "Oui",
    no: "Non",
    none: "aucun",
    claims: "Revendications reçues",
    name: "Revendication",
    value: "Valeur",
    back: "Retour aux paramètres",
  },
  en: {
    title: "OpenID Connect connection test passed",
    intro: "The identity provider answered and its ID token is valid. Nobody was signed in to Sceau.",
    subject: "Identifier (sub)",
    studentNumber: "Student number (per the mapping)",
    email: "Email (per the mapping)",
    learner: "Learner found in the institution",
    yes: "Yes",
    no: "No",
    none: "none",
    claims: "Claims received",
    name: "Claim",
    value: "Value",
    back: "Back to the settings",
  },
} as const;

function part(result: SignOnTestResult, lang: "fr" | "en", backHref: string): string {
  const t = LABELS[lang];
  const h = lang === "fr" ? "h1" : "h2";
  const v = (s: string | null) => (s ? escapeHtml(s) : `<em>${t.none}</em>`);
  const rows = Object.entries(result.claims)
    .map(([k, val]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(val)}</td></tr>`)
    .join("\n");
  return `<section lang="${lang}">
<${h}>${t.title}</${h}>
<p>${t.intro}</p>
<dl>
<dt>${t.subject}</dt><dd>${v(result.subject)}</dd>
<dt>${t.studentNumber}</dt><dd>${v(result.studentNumber)}</dd>
<dt>${t.email}</dt><dd>${v(result.email)}</dd>
<dt>${t.learner}</dt><dd>${result.learnerFound ? t.yes : t.no}</dd>
</dl>
<table>
<caption>${t.claims}</caption>
<thead><tr><th scope="col">${t.name}</th><th scope="col">${t.value}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p><a href="${escapeHtml(backHref)}">${t.back}</a></p>
</section>`;
}

/** A page outside the web app (a browser round trip's answer): French, then English; no script or inline style. */
export function bilingualPage(title: Bilingual, fr: string, en: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title.fr)} · ${escapeHtml(title.en)} — Sceau</title>
</head>
<body>
<main>
${fr}
<hr>
${en}
</main>
</body>
</html>
`;
}

const FAILED: Bilingual = { fr: "Connexion impossible", en: "Sign-on failed" };

/** A refused sign-on: what happened (the code's bilingual message) and the way back; never the reason. */
export function signOnFailurePage(message: Bilingual): string {
  return bilingualPage(
    FAILED,
    `<section>\n<h1>${escapeHtml(FAILED.fr)}</h1>\n<p>${escapeHtml(message.fr)}</p>\n<p><a href="/sign-in">Retour à la connexion</a></p>\n</section>`,
    `<section lang="en">\n<h2>${escapeHtml(FAILED.en)}</h2>\n<p>${escapeHtml(message.en)}</p>\n<p><a href="/sign-in">Back to sign in</a></p>\n</section>`,
  );
}

/** A full OIDC test sign-in's result for the administrator: what the provider sent and how it maps (French, then English). */
export function oidcTestResultPage(result: SignOnTestResult, backHref: string): string {
  return bilingualPage(
    { fr: LABELS.fr.title, en: LABELS.en.title },
    part(result, "fr", backHref),
    part(result, "en", backHref),
  );
}
