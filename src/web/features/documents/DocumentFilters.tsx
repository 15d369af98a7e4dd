import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentFilter, DocumentStatus } from "../../../core/documents/documents.types.ts";
import { listDocumentTypes } from "../../api/document-types.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { localizedName } from "../../lib/format.ts";

const STATUSES: DocumentStatus[] = ["active", "revoked", "superseded"];

/** The search box and the status and type filters of the registry; applied on submit. */
export function DocumentFilters({
  slug,
  filter,
  onApply,
}: {
  slug: string;
  filter: DocumentFilter;
  onApply: (filter: DocumentFilter) => void;
}) {
  const { t } = useTranslation();
  const lang = useLocale();
  const [q, setQ] = useState(filter.q ?? "");
  const [status, setStatus] = useState(filter.status ?? "");
  const [type, setType] = useState(filter.documentTypeId ?? "");
  const types = useQuery({
    queryKey: queryKeys.documentTypes(slug),
    queryFn: () => listDocumentTypes(slug, true),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      ...filter,
      q: q.trim(),
      status: (status || undefined) as DocumentStatus | undefined,
      documentTypeId: type || undefined,
    });
  };
  return (
    <search aria-label={t("documents.searchLabel")}>
      <form className="learner-search document-filters" onSubmit={submit}>
        <TextField
          label={t("documents.search")}
          hint={t("documents.searchHint")}
          type="search"
          name="q"
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
        <SelectField
          label={t("documents.statusLabel")}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        >
          <option value="">{t("documents.anyStatus")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`documents.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("documents.type")} value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">{t("documents.anyType")}</option>
          {(types.data ?? []).map((dt) => (
            <option key={dt.id} value={dt.id}>
              {dt.code} — {localizedName(dt, lang)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button-secondary">
          {t("documents.searchSubmit")}
        </button>
      </form>
    </search>
  );
}
