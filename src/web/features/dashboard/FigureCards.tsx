import { useTranslation } from "react-i18next";
import type { InstitutionDashboard } from "../../../core/dashboard/dashboard.types.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatNumber } from "../../lib/format.ts";

interface Figure {
  id: string;
  label: string;
  value: string;
  detail: string;
  tone?: "alert" | "muted";
}

/** The headline figures as a list of cards: a label, a large number, one line of detail. */
export function FigureCards({ data }: { data: InstitutionDashboard }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const n = (value: number) => formatNumber(value, lang);
  const { documents, invitations, failedEmails } = data;
  const figures: Figure[] = [
    {
      id: "issued",
      label: t("dashboard.issued"),
      value: n(documents.issued),
      detail: t("dashboard.issuedDetail", {
        active: n(documents.active),
        revoked: n(documents.revoked),
        superseded: n(documents.superseded),
      }),
    },
    {
      id: "claimed",
      label: t("dashboard.claimed"),
      value: n(documents.claimed),
      detail: t("dashboard.claimedDetail"),
    },
    {
      id: "shared",
      label: t("dashboard.shared"),
      value: t("dashboard.sharedUnavailable"),
      detail: t("dashboard.sharedDetail"),
      tone: "muted",
    },
    {
      id: "pending",
      label: t("dashboard.pendingInvitations"),
      value: n(invitations.pending),
      detail: t("dashboard.pendingDetail", { sent: n(invitations.sent), claimed: n(invitations.claimed) }),
    },
    {
      id: "failed",
      label: t("dashboard.failedEmails"),
      value: n(failedEmails.total),
      detail: t("dashboard.failedDetail", { invitations: n(invitations.failed) }),
      ...(failedEmails.total + invitations.failed > 0 ? { tone: "alert" as const } : {}),
    },
  ];
  return (
    <ul className="figure-cards">
      {figures.map((f) => (
        <li key={f.id} className={`figure-card${f.tone ? ` figure-card-${f.tone}` : ""}`}>
          <span className="figure-label">{f.label}</span>
          <span className="figure-value">{f.value}</span>
          <span className="figure-detail">{f.detail}</span>
        </li>
      ))}
    </ul>
  );
}
