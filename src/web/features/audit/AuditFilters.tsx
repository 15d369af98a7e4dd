import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { auditActionLabel, LABELLED_AUDIT_ACTIONS } from "./auditActions.ts";

/** The filters as chosen: an action code and calendar days (YYYY-MM-DD, the reader's time zone), "" for none. */
export interface AuditFilterValues {
  action: string;
  fromDay: string;
  toDay: string;
}

export const NO_AUDIT_FILTER: AuditFilterValues = { action: "", fromDay: "", toDay: "" };

/** Action and date range; applied on submit so that typing a date does not reload the table at each key. */
export function AuditFilters({
  value,
  onApply,
}: {
  value: AuditFilterValues;
  onApply: (next: AuditFilterValues) => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(value);
  const badRange = draft.fromDay !== "" && draft.toDay !== "" && draft.toDay < draft.fromDay;
  const options = [...LABELLED_AUDIT_ACTIONS]
    .map((code) => ({ code, label: auditActionLabel(i18n, code) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!badRange) onApply(draft);
  };
  const clear = () => {
    setDraft(NO_AUDIT_FILTER);
    onApply(NO_AUDIT_FILTER);
  };

  return (
    <search aria-label={t("audit.filtersLabel")}>
      <form className="audit-filters" onSubmit={submit} noValidate>
        <SelectField
          label={t("audit.action")}
          name="action"
          value={draft.action}
          onChange={(e) => setDraft({ ...draft, action: e.target.value })}
        >
          <option value="">{t("audit.allActions")}</option>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("audit.from")}
          type="date"
          name="from"
          value={draft.fromDay}
          onChange={(e) => setDraft({ ...draft, fromDay: e.target.value })}
        />
        <TextField
          label={t("audit.to")}
          type="date"
          name="to"
          value={draft.toDay}
          min={draft.fromDay || undefined}
          error={badRange ? t("audit.badRange") : undefined}
          onChange={(e) => setDraft({ ...draft, toDay: e.target.value })}
        />
        <div className="audit-filter-actions">
          <button type="submit" className="button button-secondary">
            {t("audit.apply")}
          </button>
          <button type="button" className="button button-secondary" onClick={clear}>
            {t("audit.reset")}
          </button>
        </div>
      </form>
    </search>
  );
}
