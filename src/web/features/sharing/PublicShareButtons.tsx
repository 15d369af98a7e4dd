import { useTranslation } from "react-i18next";
import type { SharedDocument } from "../../../core/sharing/sharing.types.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { localizedName } from "../../lib/format.ts";

const DIPLOMA = /dipl[oô]m|degree|\bdec\b|\baec\b|certificat/i;

/**
 * Share buttons for a public share's page (plain links: no third-party script), and LinkedIn's
 * "add to profile" link (its certification form, pre-filled) for a diploma.
 */
export function PublicShareButtons({ documents }: { documents: SharedDocument[] }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const url = window.location.href.split("#")[0] ?? "";
  const u = encodeURIComponent(url);
  const first = documents[0];
  const text = first
    ? `${first.learnerName} · ${first.documentType ? localizedName(first.documentType, lang) : first.title}`
    : "";
  const diploma = documents.find(
    (d) => d.documentType && DIPLOMA.test(`${d.documentType.nameFr} ${d.documentType.nameEn}`),
  );
  const links = [
    { key: "linkedin" as const, href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { key: "facebook" as const, href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { key: "x" as const, href: `https://x.com/intent/post?url=${u}&text=${encodeURIComponent(text)}` },
    { key: "email" as const, href: `mailto:?subject=${encodeURIComponent(text)}&body=${u}` },
  ];
  let addToProfile: string | null = null;
  if (diploma?.documentType) {
    const issued = diploma.issueDate ?? diploma.signedAt.slice(0, 10);
    const params = new URLSearchParams({
      startTask: "CERTIFICATION_NAME",
      name: localizedName(diploma.documentType, lang),
      organizationName: localizedName(diploma.institution, lang),
      issueYear: issued.slice(0, 4),
      issueMonth: String(Number(issued.slice(5, 7))),
      certUrl: url,
      certId: diploma.id,
    });
    addToProfile = `https://www.linkedin.com/profile/add?${params.toString()}`;
  }
  return (
    <section className="card section" aria-labelledby="share-buttons-title">
      <h2 id="share-buttons-title">{t("sharing.public.title")}</h2>
      <ul className="share-buttons">
        {links.map((l) => (
          <li key={l.key}>
            <a className="button button-secondary" href={l.href} target="_blank" rel="noopener noreferrer">
              {t(`sharing.public.${l.key}`)}
              <span className="visually-hidden"> {t("sharing.public.newWindow")}</span>
            </a>
          </li>
        ))}
      </ul>
      {addToProfile && (
        <p>
          <a href={addToProfile} target="_blank" rel="noopener noreferrer">
            {t("sharing.public.addToProfile")}
            <span className="visually-hidden"> {t("sharing.public.newWindow")}</span>
          </a>
        </p>
      )}
    </section>
  );
}
