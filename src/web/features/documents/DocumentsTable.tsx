import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DocumentSummary } from "../../../core/documents/documents.types.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDay, localizedName } from "../../lib/format.ts";
import { DocumentStatusBadge } from "./DocumentStatusBadge.tsx";

/** The rows of the registry: title (a link to the document), learner, type, issue date, status. */
export function DocumentsTable({ slug, documents }: { slug: string; documents: DocumentSummary[] }) {
  const { t } = useTranslation();
  const lang = useLocale();
  return (
    <DataTable
      caption={t("documents.tableCaption")}
      columns={[
        t("documents.docTitle"),
        t("documents.learner"),
        t("documents.type"),
        t("documents.issueDate"),
        t("documents.externalId"),
        t("documents.statusLabel"),
      ]}
    >
      {documents.map((d) => (
        <tr key={d.id}>
          <td>
            <Link to={`/institutions/${encodeURIComponent(slug)}/documents/${d.id}`}>{d.title}</Link>
          </td>
          <td>
            {d.learner ? (
              <>
                {d.learner.familyName}, {d.learner.givenName}
                <br />
                <span className="muted">{d.learner.studentNumber}</span>
              </>
            ) : (
              "—"
            )}
          </td>
          <td>{d.documentType ? localizedName(d.documentType, lang) : "—"}</td>
          <td>{d.issueDate ? formatDay(d.issueDate, lang, true) : "—"}</td>
          <td>{d.externalId ?? "—"}</td>
          <td>
            <DocumentStatusBadge status={d.status} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
