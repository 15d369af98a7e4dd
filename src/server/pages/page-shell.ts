import type { Bilingual, Locale } from "../../core/i18n.types.ts";
import { escapeHtml } from "../../core/mail/escape-html.ts";

/**
 * How a page gets its style: the portal's page stylesheet by URL (allowed by the app's CSP, styles
 * from 'self': page-stylesheet.ts), or its own inline CSS under a nonce that the page's own CSP
 * names (ownStyleCsp).
 */
export type PageStyle = { href: string } | { css: string; nonce: string };

export interface PageShell {
  /** Shown as "French · English — Sceau". */
  title: Bilingual;
  /** The language of the page (a part in the other language carries its own lang); French unless told. */
  lang?: Locale;
  style: PageStyle;
  /** The portal's name in a bar above the page. */
  brand?: boolean;
  /** What goes inside <main>: HTML built from escaped text only. */
  main: string;
}

/**
 * The one HTML shell of the pages the server renders itself, outside the web app (a sign-on round
 * trip's answer, the development gateway's checkout): no script, nothing from the request but
 * escaped text, not indexed.
 */
export function renderPage(page: PageShell): string {
  const style =
    "href" in page.style
      ? `<link rel="stylesheet" href="${escapeHtml(page.style.href)}">`
      : `<style nonce="${escapeHtml(page.style.nonce)}">${page.style.css}</style>`;
  return `<!doctype html>
<html lang="${page.lang ?? "fr"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(page.title.fr)} · ${escapeHtml(page.title.en)} — Sceau</title>
${style}
</head>
<body>
${page.brand ? `<header><p class="brand">Sceau</p></header>\n` : ""}<main>
${page.main}
</main>
</body>
</html>
`;
}

/** French, then English: the two halves of a bilingual page, the English one marked as such. */
export const frenchThenEnglish = (fr: string, en: string): string =>
  `<section>\n${fr}\n</section>\n<hr>\n<section lang="en">\n${en}\n</section>`;

/** The Content-Security-Policy of a page with its own inline style: that style (by nonce), forms to the portal only, nothing else. */
export const ownStyleCsp = (nonce: string): string =>
  `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;
