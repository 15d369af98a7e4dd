import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentType, DocumentTypeInput } from "../../../core/document-types/document-types.types.ts";
import { CheckboxField } from "../../components/CheckboxField.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import type { FormFeedback } from "../../hooks/useFormFeedback.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { centsToText, parseAmount } from "./money.ts";

export const DOCUMENT_TYPE_FIELDS = [
  "code",
  "nameFr",
  "nameEn",
  "descriptionFr",
  "descriptionEn",
  "unlockFeeCents",
  "shareFeeCents",
  "currency",
  "defaultShareDays",
] as const;
export type DocumentTypeField = (typeof DOCUMENT_TYPE_FIELDS)[number];

interface DocumentTypeFormProps {
  title: string;
  submitLabel: string;
  initial?: DocumentType | undefined;
  pending: boolean;
  feedback: FormFeedback<DocumentTypeField>;
  onSubmit: (input: DocumentTypeInput) => void;
  onCancel?: () => void;
}

export function DocumentTypeForm(props: DocumentTypeFormProps) {
  const { title, submitLabel, initial, pending, feedback, onSubmit, onCancel } = props;
  const { t } = useTranslation();
  const lang = useLocale();
  const headingId = useId();
  const [code, setCode] = useState(initial?.code ?? "");
  const [nameFr, setNameFr] = useState(initial?.nameFr ?? "");
  const [nameEn, setNameEn] = useState(initial?.nameEn ?? "");
  const [descriptionFr, setDescriptionFr] = useState(initial?.descriptionFr ?? "");
  const [descriptionEn, setDescriptionEn] = useState(initial?.descriptionEn ?? "");
  const [unlockFee, setUnlockFee] = useState(centsToText(initial?.unlockFeeCents ?? 0, lang));
  const [shareFee, setShareFee] = useState(centsToText(initial?.shareFeeCents ?? 0, lang));
  const [currency, setCurrency] = useState(initial?.currency ?? "CAD");
  const [days, setDays] = useState(String(initial?.defaultShareDays ?? 90));
  const [downloadAllowed, setDownloadAllowed] = useState(initial?.downloadAllowed ?? true);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const unlock = parseAmount(unlockFee);
    const share = parseAmount(shareFee);
    const dayCount = Number(days);
    const valid = feedback.validate({
      code: /^[A-Za-z0-9_-]{1,32}$/.test(code.trim()) ? undefined : code.trim() ? "code" : "required",
      nameFr: nameFr.trim() ? undefined : "required",
      nameEn: nameEn.trim() ? undefined : "required",
      unlockFeeCents: unlock === null ? "amount" : undefined,
      shareFeeCents: share === null ? "amount" : undefined,
      currency: /^[A-Za-z]{3}$/.test(currency.trim()) ? undefined : "currency",
      defaultShareDays: Number.isInteger(dayCount) && dayCount >= 1 && dayCount <= 366 ? undefined : "days",
    });
    if (!valid || unlock === null || share === null) return;
    onSubmit({
      code: code.trim().toUpperCase(),
      nameFr: nameFr.trim(),
      nameEn: nameEn.trim(),
      descriptionFr: descriptionFr.trim(),
      descriptionEn: descriptionEn.trim(),
      unlockFeeCents: unlock,
      shareFeeCents: share,
      currency: currency.trim().toUpperCase(),
      downloadAllowed,
      defaultShareDays: dayCount,
    });
  };

  return (
    <form className="form card subsection" noValidate onSubmit={submit} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <FormAlert message={feedback.formError} />
      <TextField
        label={t("documentTypes.code")}
        hint={t("documentTypes.codeHint")}
        required
        maxLength={32}
        autoComplete="off"
        {...feedback.bind("code", code, setCode)}
      />
      <div className="form-row">
        <TextField
          label={t("documentTypes.nameFr")}
          required
          maxLength={200}
          lang="fr"
          {...feedback.bind("nameFr", nameFr, setNameFr)}
        />
        <TextField
          label={t("documentTypes.nameEn")}
          required
          maxLength={200}
          lang="en"
          {...feedback.bind("nameEn", nameEn, setNameEn)}
        />
      </div>
      <div className="form-row">
        <TextField
          label={t("documentTypes.descriptionFr")}
          hint={t("learners.optional")}
          maxLength={2000}
          lang="fr"
          {...feedback.bind("descriptionFr", descriptionFr, setDescriptionFr)}
        />
        <TextField
          label={t("documentTypes.descriptionEn")}
          hint={t("learners.optional")}
          maxLength={2000}
          lang="en"
          {...feedback.bind("descriptionEn", descriptionEn, setDescriptionEn)}
        />
      </div>
      <div className="form-row">
        <TextField
          label={t("documentTypes.unlockFee")}
          hint={t("documentTypes.feeHint")}
          inputMode="decimal"
          {...feedback.bind("unlockFeeCents", unlockFee, setUnlockFee)}
        />
        <TextField
          label={t("documentTypes.shareFee")}
          hint={t("documentTypes.feeHint")}
          inputMode="decimal"
          {...feedback.bind("shareFeeCents", shareFee, setShareFee)}
        />
        <TextField
          label={t("documentTypes.currency")}
          hint={t("documentTypes.currencyHint")}
          maxLength={3}
          {...feedback.bind("currency", currency, setCurrency)}
        />
      </div>
      <TextField
        label={t("documentTypes.defaultShareDays")}
        hint={t("documentTypes.defaultShareDaysHint")}
        type="number"
        min={1}
        max={366}
        {...feedback.bind("defaultShareDays", days, setDays)}
      />
      <CheckboxField
        label={t("documentTypes.downloadAllowed")}
        hint={t("documentTypes.downloadAllowedHint")}
        checked={downloadAllowed}
        onChange={(event) => setDownloadAllowed(event.target.checked)}
      />
      <div className="form-actions">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t("documentTypes.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
