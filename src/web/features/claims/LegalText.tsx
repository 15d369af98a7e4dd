import { useTranslation } from "react-i18next";

const PARAGRAPHS = {
  terms: ["p1", "p2", "p3", "p4", "p5"],
  privacy: ["p1", "p2", "p3", "p4", "p5"],
} as const;

/** The paragraphs of the terms of use or of the privacy notice, from the catalogs. */
export function LegalText({ section }: { section: keyof typeof PARAGRAPHS }) {
  const { t } = useTranslation();
  return (
    <div className="card prose">
      {PARAGRAPHS[section].map((p) => (
        <p key={p}>{t(`legal.${section}.${p}`)}</p>
      ))}
      <p className="field-hint">{t("legal.updated")}</p>
    </div>
  );
}
