import { useTranslation } from "react-i18next";
import type { VerificationCheck } from "../../../core/verification/verification.types.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { StatusIcon } from "./StatusIcon.tsx";
import { adviceFor } from "./verdict.ts";

/** One check: its status as an icon and a word, what it means, and what to do when it is not a pass. */
export function CheckItem({ check }: { check: VerificationCheck }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const advice = adviceFor(check);
  return (
    <li className={`check check-${check.status}`}>
      <span className="check-status">
        <StatusIcon status={check.status} />
        <span>{t(`verify.status.${check.status}`)}</span>
      </span>
      <div className="check-body">
        <p className="check-name">{t(`verify.checkNames.${check.id}`)}</p>
        <p className="check-message">{check.message[lang]}</p>
        {check.reasons && check.reasons.length > 0 && (
          <ul className="check-reasons">
            {check.reasons.map((r) => (
              <li key={r.message.en}>{r.message[lang]}</li>
            ))}
          </ul>
        )}
        {advice && (
          <p className="check-advice">
            <strong>{t("verify.whatToDo")}</strong> {t(`verify.advice.${advice}`)}
          </p>
        )}
      </div>
    </li>
  );
}
