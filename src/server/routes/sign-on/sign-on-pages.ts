import type { Bilingual, Locale } from "../../../core/i18n.types.ts";
import { escapeHtml } from "../../../core/mail/escape-html.ts";
import type { SignOnTestResult } from "../../../core/sign-on/sign-on.types.ts";
import { frenchThenEnglish, renderPage } from "../../pages/page-shell.ts";
import { PAGE_STYLESHEET_PATH } from "../../pages/page-stylesheet.ts";

/**
 * The pages the OpenID Connect and SAML endpoints render themselves: they answer a browser round
 * trip through the identity provider, outside the web app. French, then English.
 */
const signOnPage = (title: Bilingual, fr: string, en: string) =>
  renderPage({ title, style: { href: PAGE_STYLESHEET_PATH }, brand: true, main: frenchThenEnglish(fr, en) });

const SIGN_ON_FAILED: Bilingual = { fr: "Connexion impossible", en: "Sign-on failed" };
const BACK_TO_SIGN_IN: Bilingual = { fr: "Retour à la connexion", en: "Back to sign in" };

/** A refused sign-on: what happened (the code's bilingual message) and the way back. Never the reason (that goes to the log). */
export function signOnFailurePage(message: Bilingual): string {
  const part = (lang: Locale, h: "h1" | "h2") =>
    `<${h}>${escapeHtml(SIGN_ON_FAILED[lang])}</${h}>\n<p>${escapeHtml(message[lang])}</p>\n<p><a href="/sign-in">${BACK_TO_SIGN_IN[lang]}</a></p>`;
  return signOnPage(SIGN_ON_FAILED, part("fr", "h1"), part("en", "h2"));
}

type Protocol = "oidc" | "saml";

/** What differs between the two protocols' test results: the words for what the provider sent. */
const BY_PROTOCOL: Record<
  Protocol,
  Record<
    Locale,
    { title: string; intro: string; subject: string; received: string; name: string; noneReceived: string }
  >
> = {
  oidc: {
    fr: {
      title: "Test de connexion OpenID Connect réussi",
      intro:
        "Le fournisseur d'identité a répondu et son jeton d'identité est valide. Personne n'a été connecté à Sceau.",
      subject: "Identifiant (sub)",
      received: "Revendications reçues",
      name: "Revendication",
      noneReceived: "Aucune revendication reçue.",
    },
    en: {
      title: "OpenID Connect connection test passed",
      intro: "The identity provider answered and its ID token is valid. Nobody was signed in to Sceau.",
      subject: "Identifier (sub)",
      received: "Claims received",
      name: "Claim",
      noneReceived: "No claims received.",
    },
  },
  saml: {
    fr: {
      title: "Test de connexion SAML réussi",
      intro:
        "Le fournisseur d'identité a envoyé une assertion signée et valide. Personne n'a été connecté à Sceau.",
      subject: "Identifiant (NameID)",
      received: "Attributs reçus",
      name: "Attribut",
      noneReceived: "Aucun attribut reçu.",
    },
    en: {
      title: "SAML connection test passed",
      intro: "The identity provider sent a valid signed assertion. Nobody was signed in to Sceau.",
      subject: "Identifier (NameID)",
      received: "Attributes received",
      name: "Attribute",
      noneReceived: "No attributes received.",
    },
  },
};

const LABELS = {
  fr: {
    studentNumber: "Numéro d'étudiant (selon la correspondance)",
    email: "Courriel (selon la correspondance)",
    learner: "Personne étudiante trouvée dans l'établissement",
    yes: "Oui",
    no: "Non",
    none: "aucun",
    value: "Valeur",
    back: "Retour aux paramètres",
  },
  en: {
    studentNumber: "Student number (per the mapping)",
    email: "Email (per the mapping)",
    learner: "Learner found in the institution",
    yes: "Yes",
    no: "No",
    none: "none",
    value: "Value",
    back: "Back to the settings",
  },
} as const;

function resultPart(
  protocol: Protocol,
  result: SignOnTestResult,
  lang: Locale,
  settingsPath: string,
): string {
  const t = { ...LABELS[lang], ...BY_PROTOCOL[protocol][lang] };
  const h = lang === "fr" ? "h1" : "h2";
  const v = (s: string | null) => (s ? escapeHtml(s) : `<em>${t.none}</em>`);
  const rows = Object.entries(result.claims)
    .map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join("\n");
  return `<${h}>${t.title}</${h}>
<p>${t.intro}</p>
<dl>
<dt>${t.subject}</dt><dd>${v(result.subject)}</dd>
<dt>${t.studentNumber}</dt><dd>${v(result.studentNumber)}</dd>
<dt>${t.email}</dt><dd>${v(result.email)}</dd>
<dt>${t.learner}</dt><dd>${result.learnerFound ? t.yes : t.no}</dd>
</dl>
${
  rows
    ? `<table>\n<caption>${t.received}</caption>\n<thead><tr><th scope="col">${t.name}</th><th scope="col">${t.value}</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`
    : `<p>${t.noneReceived}</p>`
}
<p><a href="${escapeHtml(settingsPath)}">${t.back}</a></p>`;
}

/** A connection test's answer for the administrator: what the provider sent, and how it maps. Nobody was signed in. */
export function signOnTestResultPage(
  protocol: Protocol,
  result: SignOnTestResult,
  settingsPath: string,
): string {
  const title = { fr: BY_PROTOCOL[protocol].fr.title, en: BY_PROTOCOL[protocol].en.title };
  return signOnPage(
    title,
    resultPart(protocol, result, "fr", settingsPath),
    resultPart(protocol, result, "en", settingsPath),
  );
}
