import { useTranslation } from "react-i18next";

/** Recovery codes shown once, with the advice to write them down now. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="recovery-notice" role="status">
      <h3>{t("twoFactor.codes.title")}</h3>
      <p>{t("twoFactor.codes.intro")}</p>
      <ol className="recovery-codes" aria-label={t("twoFactor.codes.title")}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <button type="button" className="button button-primary" onClick={onDone}>
        {t("twoFactor.codes.done")}
      </button>
    </div>
  );
}
