import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Learner } from "../../../core/learners/learners.types.ts";
import { DataTable } from "../../components/DataTable.tsx";

export function LearnersTable({
  slug,
  learners,
  caption,
}: {
  slug: string;
  learners: Learner[];
  caption: string;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={caption}
      showCaption
      columns={[
        t("learners.familyName"),
        t("learners.givenName"),
        t("learners.studentNumber"),
        t("learners.institutionalEmail"),
        t("learners.locale"),
      ]}
      actions
    >
      {learners.map((l) => (
        <tr key={l.id}>
          <td>{l.familyName}</td>
          <td>{l.givenName}</td>
          <td>{l.studentNumber}</td>
          <td>{l.institutionalEmail ?? "—"}</td>
          <td>{t(`languages.${l.locale}`)}</td>
          <td>
            <Link to={`/institutions/${encodeURIComponent(slug)}/learners/${l.id}`}>
              {t("learners.edit")}
              <span className="visually-hidden">
                {" "}
                {l.givenName} {l.familyName}
              </span>
            </Link>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
