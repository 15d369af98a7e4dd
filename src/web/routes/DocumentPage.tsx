import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import type { DocumentDetail } from "../../core/documents/documents.types.ts";
import { documentFileUrl, getDocument } from "../api/documents.ts";
import { ApiError } from "../api/http.ts";
import { queryKeys } from "../api/query-keys.ts";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { StatusMessage } from "../components/StatusMessage.tsx";
import { DocumentFacts } from "../features/documents/DocumentFacts.tsx";
import { DocumentStatusNotice } from "../features/documents/DocumentStatusNotice.tsx";
import { ReplaceForm } from "../features/documents/ReplaceForm.tsx";
import { RevokeDialog } from "../features/documents/RevokeDialog.tsx";
import { InstitutionTabs } from "../features/institutions/InstitutionTabs.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** One document of the registry: its facts and status, download, revoke, replace (staff). */
export function DocumentPage() {
  const { t } = useTranslation();
  const { slug = "", id = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // A success message, shown on the page of the document it concerns.
  const [done, setDone] = useState<{ id: string; text: string } | null>(null);
  // Arriving from "Issue a document": its confirmation (see IssueDocumentPage).
  const issued = (useLocation().state as { issued?: "created" | "existing" } | null)?.issued;
  const doc = useQuery({ queryKey: queryKeys.document(slug, id), queryFn: () => getDocument(slug, id) });
  if (doc.error instanceof ApiError && doc.error.status === 404) return <NotFoundPage />;
  const d = doc.data;
  const changed = (updated: DocumentDetail) => {
    queryClient.setQueryData(queryKeys.document(slug, updated.id), updated);
    void queryClient.invalidateQueries({ queryKey: queryKeys.documents(slug) });
  };
  return (
    <div className="page">
      <PageHeading title={d ? d.title : t("documents.detailTitle")} takeFocus={done?.id === id} />
      <InstitutionTabs slug={slug} />
      <p>
        <Link to={`/institutions/${encodeURIComponent(slug)}/documents`}>{t("documents.back")}</Link>
      </p>
      <StatusMessage>
        {done?.id === id
          ? done.text
          : issued
            ? t(issued === "created" ? "issue.done" : "issue.existing")
            : null}
      </StatusMessage>
      {doc.isPending && <Loading />}
      {doc.isError && <QueryError error={doc.error} onRetry={() => void doc.refetch()} />}
      {d && (
        <>
          <section className="section" aria-label={t("documents.statusLabel")}>
            <DocumentStatusNotice slug={slug} document={d} />
            <DocumentFacts slug={slug} document={d} />
            <div className="form-actions">
              <a className="button button-primary" href={documentFileUrl(slug, d.id)} download>
                {t("documents.download")}
              </a>
              {d.status === "active" && (
                <RevokeDialog
                  slug={slug}
                  document={d}
                  onRevoked={(updated) => {
                    changed(updated);
                    setDone({ id: updated.id, text: t("documents.revokedDone") });
                  }}
                />
              )}
            </div>
          </section>
          {d.status === "active" && (
            <ReplaceForm
              slug={slug}
              document={d}
              onReplaced={(next) => {
                changed(next);
                void queryClient.invalidateQueries({ queryKey: queryKeys.document(slug, d.id) });
                setDone({ id: next.id, text: t("documents.replacedDone") });
                navigate(`/institutions/${encodeURIComponent(slug)}/documents/${next.id}`);
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
