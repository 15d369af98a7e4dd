import { useTranslation } from "react-i18next";
import type { BatchStatus } from "../../../core/issuance/issuance.types.ts";

/** A batch's state in words: waiting, in progress, done. */
export function BatchStatusBadge({ status }: { status: BatchStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-standalone ${status === "done" ? "badge-active" : "badge-info"}`}>
      {t(`batches.statuses.${status}`)}
    </span>
  );
}
