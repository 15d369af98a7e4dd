import type { Bilingual, Locale } from "../i18n.types.ts";
import type { MailMessage } from "../ports.ts";
import { escapeHtml } from "./escape-html.ts";

/** Who the email speaks for: the portal, or an institution with its name and colours. */
export interface EmailBrand {
  name: Bilingual;
  primaryColor: string;
  accentColor: string;
  logoUrl: string | null;
}

export const PORTAL_BRAND: EmailBrand = {
  name: { fr: "Sceau", en: "Sceau" },
  primaryColor: "#1f3a5f",
  accentColor: "#b8860b",
  logoUrl: null,
};

export interface EmailContent {
  subject: Bilingual;
  /** Paragraphs before the button. */
  paragraphs: Bilingual[];
  action?: { label: Bilingual; url: string };
  /** Small print after the button. */
  footnote?: Bilingual;
}

const HEX = /^#[0-9a-fA-F]{6}$/;
const safeColor = (c: string, fallback: string) => (HEX.test(c) ? c : fallback);

/**
 * One email in both languages: the recipient's language first, then the other, each complete.
 * Text and HTML carry the same words.
 */
export function renderEmail(
  to: string,
  locale: Locale,
  brand: EmailBrand,
  content: EmailContent,
): MailMessage {
  const order: Locale[] = locale === "en" ? ["en", "fr"] : ["fr", "en"];
  const [first, second] = order as [Locale, Locale];
  const subject = `${content.subject[first]} / ${content.subject[second]}`;

  const textPart = (l: Locale) =>
    [
      ...content.paragraphs.map((p) => p[l]),
      ...(content.action ? [`${content.action.label[l]}: ${content.action.url}`] : []),
      ...(content.footnote ? [content.footnote[l]] : []),
    ].join("\n\n");
  const text = [
    `${brand.name[first]}`,
    "",
    textPart(first),
    "",
    "----------------------------------------",
    "",
    textPart(second),
    "",
    "—",
    `Sceau · ${brand.name[first]}`,
  ].join("\n");

  const primary = safeColor(brand.primaryColor, PORTAL_BRAND.primaryColor);
  const accent = safeColor(brand.accentColor, PORTAL_BRAND.accentColor);
  const htmlPart = (l: Locale) => `
    <div lang="${l}" style="margin:0 0 24px 0">
      ${content.paragraphs.map((p) => `<p style="margin:0 0 14px 0;line-height:1.5">${escapeHtml(p[l])}</p>`).join("\n")}
      ${
        content.action
          ? `<p style="margin:20px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:${primary};color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:600">${escapeHtml(content.action.label[l])}</a></p>
      <p style="margin:0 0 14px 0;font-size:13px;color:#4a5568;word-break:break-all">${escapeHtml(content.action.url)}</p>`
          : ""
      }
      ${content.footnote ? `<p style="margin:0;font-size:13px;color:#4a5568">${escapeHtml(content.footnote[l])}</p>` : ""}
    </div>`;
  const logo = brand.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="" height="40" style="height:40px;vertical-align:middle;margin-right:12px">`
    : "";
  const html = `<!doctype html>
<html lang="${first}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1a202c">
  <div style="max-width:600px;margin:0 auto;padding:24px">
    <div style="background:${primary};color:#ffffff;padding:16px 24px;border-radius:8px 8px 0 0;border-bottom:4px solid ${accent}">
      ${logo}<strong style="font-size:18px;vertical-align:middle">${escapeHtml(brand.name[first])}</strong>
    </div>
    <div style="background:#ffffff;padding:24px;border-radius:0 0 8px 8px">
      ${htmlPart(first)}
      <hr style="border:none;border-top:1px solid #e2e8f0;margin:8px 0 24px 0">
      ${htmlPart(second)}
    </div>
    <p style="font-size:12px;color:#4a5568;text-align:center;margin-top:16px">Sceau · ${escapeHtml(brand.name[first])} · ${escapeHtml(brand.name[second])}</p>
  </div>
</body></html>`;
  return { to, subject, text, html };
}
