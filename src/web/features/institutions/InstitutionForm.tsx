import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Institution, InstitutionInput } from "../../../core/institutions/institutions.types.ts";
import { createInstitution, updateInstitution } from "../../api/institutions.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { useFormFeedback } from "../../hooks/useFormFeedback.ts";
import { BrandPreview } from "./BrandPreview.tsx";
import { ColorField } from "./ColorField.tsx";
import { INSTITUTION_FIELDS, institutionErrors } from "./institutionRules.ts";

interface InstitutionFormProps {
  /** The institution being edited; absent on creation. */
  institution?: Institution;
  onSaved: (institution: Institution) => void;
}

const SLUG_TAKEN = { slug_taken: "slug" } as const;
const NAME_FIELDS = ["nameFr", "nameEn"] as const;
const COLOR_FIELDS = ["primaryColor", "accentColor"] as const;

const DEFAULTS: InstitutionInput = {
  slug: "",
  nameFr: "",
  nameEn: "",
  emailDomain: null,
  primaryColor: "#1b2b4b",
  accentColor: "#b3872f",
};

/** Only the editable fields, so that nothing else is sent back. */
function toInput(institution: Institution): InstitutionInput {
  const { slug, nameFr, nameEn, emailDomain, primaryColor, accentColor } = institution;
  return { slug, nameFr, nameEn, emailDomain, primaryColor, accentColor };
}

/** Creates or edits an institution: identifier, names, email domain and brand colours, with a preview. */
export function InstitutionForm({ institution, onSaved }: InstitutionFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const feedback = useFormFeedback(INSTITUTION_FIELDS, SLUG_TAKEN);
  const creating = !institution;
  const [values, setValues] = useState<InstitutionInput>(() =>
    institution ? toInput(institution) : DEFAULTS,
  );
  const [domain, setDomain] = useState(institution?.emailDomain ?? "");
  const set = (field: keyof InstitutionInput) => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }));

  const mutation = useMutation({
    mutationFn: () => {
      const changes = {
        nameFr: values.nameFr.trim(),
        nameEn: values.nameEn.trim(),
        emailDomain: domain.trim().toLowerCase() || null,
        primaryColor: values.primaryColor,
        accentColor: values.accentColor,
      };
      if (!institution) return createInstitution({ slug: values.slug, ...changes });
      return updateInstitution(institution.slug, changes);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.institution(saved.slug), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.institutions, exact: true });
      onSaved(saved);
    },
    onError: feedback.fail,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    if (feedback.validate(institutionErrors(values, domain, creating))) mutation.mutate();
  };

  const preview = {
    ...values,
    nameFr: values.nameFr.trim() || t("institutionForm.previewName"),
    nameEn: values.nameEn.trim() || t("institutionForm.previewName"),
    hasLogo: institution?.hasLogo ?? false,
    updatedAt: institution?.updatedAt,
  };
  const errors = feedback.fieldErrors;

  return (
    <form
      className="form institution-form"
      noValidate
      onSubmit={submit}
      aria-labelledby="institution-form-heading"
    >
      <h2 id="institution-form-heading">{t("institutionForm.title")}</h2>
      <FormAlert message={feedback.formError} />
      {!creating && <StatusMessage>{mutation.isSuccess ? t("institutionForm.saved") : null}</StatusMessage>}
      <div className="institution-form-grid">
        <div className="institution-form-fields">
          {creating && (
            <TextField
              label={t("institutionForm.slug")}
              hint={t("institutionForm.slugHint")}
              required
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              {...feedback.bind("slug", values.slug, (value) => set("slug")(value.toLowerCase()))}
            />
          )}
          {NAME_FIELDS.map((field) => (
            <TextField
              key={field}
              label={t(`institutionForm.${field}`)}
              lang={field === "nameFr" ? "fr" : "en"}
              required
              {...feedback.bind(field, values[field], set(field))}
            />
          ))}
          <TextField
            label={t("institutionForm.emailDomain")}
            hint={t("institutionForm.emailDomainHint")}
            autoComplete="off"
            spellCheck={false}
            {...feedback.bind("emailDomain", domain, setDomain)}
          />
          {COLOR_FIELDS.map((field) => (
            <ColorField
              key={field}
              label={t(`institutionForm.${field}`)}
              pickerLabel={t(`institutionForm.${field}Picker`)}
              hint={t("institutionForm.colorHint")}
              value={values[field]}
              onChange={set(field)}
              error={errors[field]}
            />
          ))}
        </div>
        <BrandPreview institution={preview} />
      </div>
      <div className="form-actions">
        <SubmitButton pending={mutation.isPending}>
          {creating ? t("institutionForm.create") : t("institutionForm.save")}
        </SubmitButton>
      </div>
    </form>
  );
}
