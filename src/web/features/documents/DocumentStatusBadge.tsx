import { useTranslation } from "react-i18next";
import type { DocumentStatus } from "../../../core/documents/documents.types.ts";

/** The status of a document as a coloured label (the words carry the meaning, not the colour). */
export function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-standalone badge-doc-${status}`}>{t(`documents.status.${status}`)}</span>
  );
}
