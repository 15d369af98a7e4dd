import { escapeHtml } from "../core/mail/escape-html.ts";
import type { CoreDeps } from "../core/ports.ts";
import { getPublicShareCard } from "../core/sharing/get-public-share-card.ts";

/**
 * The OpenGraph and Twitter card tags of a live public share's page (learner, document type,
 * institution: nothing of the documents' contents), or null for any other link.
 */
export async function publicShareHead(core: CoreDeps, token: string): Promise<string | null> {
  const card = await getPublicShareCard(core, token);
  if (!card) return null;
  const typeFr = card.documentType?.nameFr ?? "Document officiel";
  const typeEn = card.documentType?.nameEn ?? "Official document";
  const title = `${card.learnerName} · ${typeFr} / ${typeEn}`;
  const description =
    `${typeFr} délivré par ${card.institution.nameFr} à ${card.learnerName}, vérifiable sur Sceau. / ` +
    `${typeEn} issued by ${card.institution.nameEn} to ${card.learnerName}, verifiable on Sceau.`;
  const url = `${core.settings.publicUrl}/s/${token}`;
  const tags: [string, string, string][] = [
    ["property", "og:type", "website"],
    ["property", "og:site_name", "Sceau"],
    ["property", "og:title", title],
    ["property", "og:description", description],
    ["property", "og:url", url],
    ["property", "og:locale", "fr_CA"],
    ["property", "og:locale:alternate", "en_CA"],
    ["name", "twitter:card", "summary"],
    ["name", "twitter:title", title],
    ["name", "twitter:description", description],
    ["name", "description", description],
    ["name", "robots", "noindex"],
  ];
  return [
    `<title>${escapeHtml(title)}</title>`,
    ...tags.map(([attr, key, value]) => `<meta ${attr}="${key}" content="${escapeHtml(value)}">`),
  ].join("\n    ");
}
