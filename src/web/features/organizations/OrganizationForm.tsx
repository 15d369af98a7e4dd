import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  Organization,
  OrganizationInput,
  OrganizationKind,
} from "../../../core/organizations/organizations.types.ts";
import { createOrganization, updateOrganization } from "../../api/organizations.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { type ClientErrors, useFormFeedback } from "../../hooks/useFormFeedback.ts";
import { SLUG_PATTERN } from "../../lib/validation.ts";

/** The kinds in the order the form lists them (the API checks the same list). */
const KINDS: readonly OrganizationKind[] = ["employer", "education", "government", "licensing", "other"];

const FIELDS = ["slug", "nameFr", "nameEn", "kind", "country", "contactEmail"] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const checks = (v: Values, creating: boolean): ClientErrors<Field> => ({
  ...(creating && !SLUG_PATTERN.test(v.slug) ? { slug: v.slug ? "slug" : "required" } : {}),
  ...(v.nameFr.trim() ? {} : { nameFr: "required" }),
  ...(v.nameEn.trim() ? {} : { nameEn: "required" }),
  ...(/^[A-Za-z]{2}$/.test(v.country) ? {} : { country: "required" }),
});

/** Creates or edits a directory entry: identifier, names in both languages, kind, country, contact email. */
export function OrganizationForm({
  organization,
  onSaved,
}: {
  organization?: Organization;
  onSaved: (o: Organization) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const feedback = useFormFeedback(FIELDS, { slug_taken: "slug" });
  const creating = !organization;
  const [values, setValues] = useState<Values>({
    slug: organization?.slug ?? "",
    nameFr: organization?.nameFr ?? "",
    nameEn: organization?.nameEn ?? "",
    kind: organization?.kind ?? "employer",
    country: organization?.country ?? "CA",
    contactEmail: organization?.contactEmail ?? "",
  });
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const mutation = useMutation({
    mutationFn: () => {
      const fields = {
        nameFr: values.nameFr.trim(),
        nameEn: values.nameEn.trim(),
        kind: values.kind as OrganizationInput["kind"],
        country: values.country.toUpperCase(),
        contactEmail: values.contactEmail.trim() || null,
      };
      return organization
        ? updateOrganization(organization.slug, fields)
        : createOrganization({ slug: values.slug, ...fields });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ["organizations"] });
      queryClient.setQueryData(["organization", saved.slug], saved);
      onSaved(saved);
    },
    onError: feedback.fail,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    if (feedback.validate(checks(values, creating))) mutation.mutate();
  };
  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="organization-form-heading">
      <h2 id="organization-form-heading">{t("organizations.formTitle")}</h2>
      <FormAlert message={feedback.formError} />
      {!creating && <StatusMessage>{mutation.isSuccess ? t("organizations.saved") : null}</StatusMessage>}
      {creating && (
        <TextField
          label={t("organizations.slug")}
          hint={t("organizations.slugHint")}
          required
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          {...feedback.bind("slug", values.slug, (v) => set("slug")(v.toLowerCase()))}
        />
      )}
      <TextField
        label={t("organizations.nameFr")}
        lang="fr"
        required
        {...feedback.bind("nameFr", values.nameFr, set("nameFr"))}
      />
      <TextField
        label={t("organizations.nameEn")}
        lang="en"
        required
        {...feedback.bind("nameEn", values.nameEn, set("nameEn"))}
      />
      <SelectField
        label={t("organizations.kind")}
        value={values.kind}
        error={feedback.fieldErrors.kind}
        onChange={(e) => set("kind")(e.target.value)}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`organizations.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("organizations.country")}
        hint={t("organizations.countryHint")}
        required
        maxLength={2}
        autoComplete="off"
        {...feedback.bind("country", values.country, (v) => set("country")(v.toUpperCase()))}
      />
      <TextField
        label={t("organizations.contactEmail")}
        hint={t("organizations.contactEmailHint")}
        type="email"
        autoComplete="off"
        {...feedback.bind("contactEmail", values.contactEmail, set("contactEmail"))}
      />
      <SubmitButton pending={mutation.isPending}>
        {creating ? t("organizations.create") : t("organizations.save")}
      </SubmitButton>
    </form>
  );
}
