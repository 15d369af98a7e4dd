import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { getOrganization, type InboxQuery, listInbox, setProcessed } from "../api/organizations.ts";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { SelectField } from "../components/SelectField.tsx";
import { StatusMessage } from "../components/StatusMessage.tsx";
import { TextField } from "../components/TextField.tsx";
import { InboxItemCard } from "../features/organizations/InboxItemCard.tsx";
import { useLocale } from "../hooks/useLocale.ts";
import { localizedName } from "../lib/format.ts";

const EMPTY: InboxQuery = { q: "", processed: "", from: "", to: "" };

/** An organization's inbox: the shares it received, searchable, each marked processed or not. */
export function OrganizationInboxPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const slug = useParams().slug ?? "";
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<InboxQuery>(EMPTY);
  const [query, setQuery] = useState<InboxQuery>(EMPTY);
  const [status, setStatus] = useState<string | null>(null);
  const org = useQuery({ queryKey: ["organization", slug], queryFn: () => getOrganization(slug) });
  const inbox = useQuery({ queryKey: ["inbox", slug, query], queryFn: () => listInbox(slug, query) });
  const processed = useMutation({
    mutationFn: (v: { shareId: string; processed: boolean }) => setProcessed(slug, v.shareId, v.processed),
    onSuccess: (item) => {
      setStatus(
        t(item.processedAt ? "inbox.markedProcessed" : "inbox.markedUnprocessed", { name: item.learnerName }),
      );
      void queryClient.invalidateQueries({ queryKey: ["inbox", slug] });
    },
  });
  const set = (field: keyof InboxQuery) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(draft);
  };
  const name = org.data ? localizedName(org.data, lang) : "";

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/organizations">{t("inbox.backToOrganizations")}</Link>
      </p>
      <PageHeading title={name ? t("inbox.pageTitle", { name }) : t("inbox.title")} />
      <p className="lead">{t("inbox.intro")}</p>
      <form className="card form inbox-filters" onSubmit={submit} aria-label={t("inbox.filtersLabel")}>
        <TextField
          label={t("inbox.search")}
          hint={t("inbox.searchHint")}
          type="search"
          value={draft.q}
          onChange={(e) => set("q")(e.target.value)}
        />
        <SelectField
          label={t("inbox.state")}
          value={draft.processed}
          onChange={(e) => set("processed")(e.target.value)}
        >
          <option value="">{t("inbox.stateAll")}</option>
          <option value="false">{t("inbox.stateOpen")}</option>
          <option value="true">{t("inbox.stateDone")}</option>
        </SelectField>
        <TextField
          label={t("inbox.from")}
          type="date"
          value={draft.from}
          onChange={(e) => set("from")(e.target.value)}
        />
        <TextField
          label={t("inbox.to")}
          type="date"
          value={draft.to}
          onChange={(e) => set("to")(e.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("inbox.apply")}
          </button>
        </div>
      </form>
      <StatusMessage>{status}</StatusMessage>
      {inbox.isPending && <Loading />}
      {inbox.isError && <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />}
      {inbox.data && inbox.data.length === 0 && <p className="empty">{t("inbox.empty")}</p>}
      {inbox.data && inbox.data.length > 0 && (
        <ul className="inbox-list" aria-label={t("inbox.listLabel")}>
          {inbox.data.map((item) => (
            <li key={item.shareId}>
              <InboxItemCard
                slug={slug}
                item={item}
                pending={processed.isPending}
                onProcessed={(value) => processed.mutate({ shareId: item.shareId, processed: value })}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
