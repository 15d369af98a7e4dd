import { useTranslation } from "react-i18next";
import type { SignOnTestReport } from "../../../core/sign-on/sign-on.types.ts";

/** The checks of a "Test connection", one line each. */
export function ConnectionReport({ report }: { report: SignOnTestReport }) {
  const { t } = useTranslation();
  return (
    <div className="connection-report" role="status">
      <p>
        <strong>{report.ok ? t("signOnSettings.reportOk") : t("signOnSettings.reportFailed")}</strong>
      </p>
      <ul>
        {report.checks.map((c) => (
          <li key={c.id}>
            {c.ok ? "✓" : "✗"} {t(`signOnSettings.checks.${c.id}`)}
            {c.ok ? "" : ` — ${t("signOnSettings.checkFailed")}`}
            {c.detail ? ` (${c.detail})` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}
