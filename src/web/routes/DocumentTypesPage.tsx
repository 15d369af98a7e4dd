import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { DocumentType, DocumentTypeInput } from "../../core/document-types/document-types.types.ts";
import {
  createDocumentType,
  listDocumentTypes,
  setDocumentTypeArchived,
  updateDocumentType,
} from "../api/document-types.ts";
import { ApiError } from "../api/http.ts";
import { queryKeys } from "../api/query-keys.ts";
import { DataTable } from "../components/DataTable.tsx";
import { FormAlert } from "../components/FormAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { StatusMessage } from "../components/StatusMessage.tsx";
import { useCurrentUser } from "../features/auth/useCurrentUser.ts";
import { DOCUMENT_TYPE_FIELDS, DocumentTypeForm } from "../features/document-types/DocumentTypeForm.tsx";
import { formatFee } from "../features/document-types/money.ts";
import { InstitutionTabs } from "../features/institutions/InstitutionTabs.tsx";
import { useInstitution } from "../features/institutions/useInstitution.ts";
import { useErrorText } from "../hooks/useErrorText.ts";
import { useFormFeedback } from "../hooks/useFormFeedback.ts";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";
import { isInstitutionAdmin, isOperator } from "../lib/roles.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** An institution's document types with their fees; administrators (and the operator) add, edit and archive them. */
export function DocumentTypesPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const errorText = useErrorText();
  const headingId = useId();
  const { slug = "" } = useParams();
  const { user } = useCurrentUser();
  const queryClient = useQueryClient();
  const institution = useInstitution(slug);
  const manages = user !== null && (isOperator(user) || isInstitutionAdmin(user, slug));
  const [editing, setEditing] = useState<DocumentType | null>(null);
  const [formKey, setFormKey] = useState(0);
  const types = useQuery({
    queryKey: queryKeys.documentTypes(slug),
    queryFn: () => listDocumentTypes(slug, true),
  });
  const feedback = useFormFeedback(DOCUMENT_TYPE_FIELDS, { document_type_code_taken: "code" });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.documentTypes(slug) });
  const save = useMutation({
    mutationFn: (input: DocumentTypeInput) =>
      editing ? updateDocumentType(slug, editing.id, input) : createDocumentType(slug, input),
    onSuccess: () => {
      feedback.clear();
      setEditing(null);
      setFormKey((k) => k + 1);
      refresh();
    },
    onError: feedback.fail,
  });
  const archive = useMutation({
    mutationFn: (dt: DocumentType) => setDocumentTypeArchived(slug, dt.id, !dt.archived),
    onSuccess: refresh,
  });

  if (institution.error instanceof ApiError && institution.error.status === 404) return <NotFoundPage />;
  const name = institution.data ? localizedName(institution.data, lang) : "";
  const free = t("documentTypes.free");
  let done: string | null = null;
  if (save.isSuccess) done = t("documentTypes.saved", { code: save.data.code });
  else if (archive.isSuccess)
    done = t(archive.data.archived ? "documentTypes.archivedDone" : "documentTypes.restoredDone", {
      code: archive.data.code,
    });

  return (
    <div className="page">
      <PageHeading title={name ? t("documentTypes.pageTitle", { name }) : t("documentTypes.title")} />
      <InstitutionTabs slug={slug} />
      <section className="section" aria-labelledby={headingId}>
        <h2 id={headingId}>{t("documentTypes.listTitle")}</h2>
        <FormAlert message={archive.error ? errorText(archive.error) : null} />
        <StatusMessage>{done}</StatusMessage>
        {types.isPending && <Loading />}
        {types.isError && <QueryError error={types.error} onRetry={() => void types.refetch()} />}
        {types.data && types.data.length === 0 && <p className="muted">{t("documentTypes.none")}</p>}
        {types.data && types.data.length > 0 && (
          <DataTable
            caption={t("documentTypes.tableCaption")}
            showCaption
            columns={[
              t("documentTypes.code"),
              t("documentTypes.name"),
              t("documentTypes.unlockFee"),
              t("documentTypes.shareFee"),
              t("documentTypes.download"),
              t("documentTypes.defaultShareDays"),
              t("documentTypes.status"),
            ]}
            actions={manages}
          >
            {types.data.map((dt) => (
              <tr key={dt.id}>
                <td>{dt.code}</td>
                <td>{localizedName(dt, lang)}</td>
                <td>{formatFee(dt.unlockFeeCents, dt.currency, lang, free)}</td>
                <td>{formatFee(dt.shareFeeCents, dt.currency, lang, free)}</td>
                <td>{dt.downloadAllowed ? t("documentTypes.yes") : t("documentTypes.no")}</td>
                <td>{t("documentTypes.days", { count: dt.defaultShareDays })}</td>
                <td>{dt.archived ? t("documentTypes.archived") : t("documentTypes.active")}</td>
                {manages && (
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => {
                        save.reset();
                        archive.reset();
                        feedback.clear();
                        setEditing(dt);
                      }}
                    >
                      {t("documentTypes.edit")}
                      <span className="visually-hidden"> {dt.code}</span>
                    </button>{" "}
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      disabled={archive.isPending}
                      onClick={() => {
                        // The message then reports this archiving, not an earlier save.
                        save.reset();
                        archive.mutate(dt);
                      }}
                    >
                      {dt.archived ? t("documentTypes.restore") : t("documentTypes.archive")}
                      <span className="visually-hidden"> {dt.code}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      {manages && (
        <DocumentTypeForm
          key={editing ? `edit-${editing.id}` : `new-${formKey}`}
          title={editing ? t("documentTypes.editTitle", { code: editing.code }) : t("documentTypes.addTitle")}
          submitLabel={editing ? t("documentTypes.save") : t("documentTypes.addSubmit")}
          initial={editing ?? undefined}
          pending={save.isPending}
          feedback={feedback}
          onSubmit={(input) => {
            save.reset();
            archive.reset();
            save.mutate(input);
          }}
          {...(editing
            ? {
                onCancel: () => {
                  feedback.clear();
                  setEditing(null);
                },
              }
            : {})}
        />
      )}
    </div>
  );
}
