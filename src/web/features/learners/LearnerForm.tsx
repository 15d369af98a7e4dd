import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../core/i18n.types.ts";
import type { Learner, LearnerInput } from "../../../core/learners/learners.types.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import type { FormFeedback } from "../../hooks/useFormFeedback.ts";
import { isEmail } from "../../lib/validation.ts";

export const LEARNER_FIELDS = [
  "studentNumber",
  "givenName",
  "familyName",
  "dateOfBirth",
  "institutionalEmail",
  "personalEmail",
  "locale",
] as const;
export type LearnerFormField = (typeof LEARNER_FIELDS)[number];

interface LearnerFormProps {
  title: string;
  submitLabel: string;
  initial?: Learner | undefined;
  pending: boolean;
  feedback: FormFeedback<LearnerFormField>;
  onSubmit: (input: LearnerInput) => void;
}

/** The fields of a learner record, for creating and editing. */
export function LearnerForm({ title, submitLabel, initial, pending, feedback, onSubmit }: LearnerFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [studentNumber, setStudentNumber] = useState(initial?.studentNumber ?? "");
  const [givenName, setGivenName] = useState(initial?.givenName ?? "");
  const [familyName, setFamilyName] = useState(initial?.familyName ?? "");
  const [dateOfBirth, setDateOfBirth] = useState(initial?.dateOfBirth ?? "");
  const [institutionalEmail, setInstitutionalEmail] = useState(initial?.institutionalEmail ?? "");
  const [personalEmail, setPersonalEmail] = useState(initial?.personalEmail ?? "");
  const [locale, setLocale] = useState<Locale>(initial?.locale ?? "fr");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const emailProblem = (v: string) => (v.trim() && !isEmail(v) ? ("email" as const) : undefined);
    const valid = feedback.validate({
      studentNumber: studentNumber.trim() ? undefined : "required",
      givenName: givenName.trim() ? undefined : "required",
      familyName: familyName.trim() ? undefined : "required",
      institutionalEmail: emailProblem(institutionalEmail),
      personalEmail: emailProblem(personalEmail),
    });
    if (!valid) return;
    onSubmit({
      studentNumber: studentNumber.trim(),
      givenName: givenName.trim(),
      familyName: familyName.trim(),
      dateOfBirth: dateOfBirth || null,
      institutionalEmail: institutionalEmail.trim() || null,
      personalEmail: personalEmail.trim() || null,
      locale,
    });
  };

  return (
    <form className="form card subsection" noValidate onSubmit={submit} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <FormAlert message={feedback.formError} />
      <div className="form-row">
        <TextField
          label={t("learners.studentNumber")}
          required
          maxLength={32}
          autoComplete="off"
          {...feedback.bind("studentNumber", studentNumber, setStudentNumber)}
        />
        <TextField
          label={t("learners.dateOfBirth")}
          type="date"
          hint={t("learners.optional")}
          {...feedback.bind("dateOfBirth", dateOfBirth, setDateOfBirth)}
        />
      </div>
      <div className="form-row">
        <TextField
          label={t("learners.givenName")}
          required
          maxLength={120}
          autoComplete="off"
          {...feedback.bind("givenName", givenName, setGivenName)}
        />
        <TextField
          label={t("learners.familyName")}
          required
          maxLength={120}
          autoComplete="off"
          {...feedback.bind("familyName", familyName, setFamilyName)}
        />
      </div>
      <div className="form-row">
        <TextField
          label={t("learners.institutionalEmail")}
          type="email"
          hint={t("learners.optional")}
          autoComplete="off"
          {...feedback.bind("institutionalEmail", institutionalEmail, setInstitutionalEmail)}
        />
        <TextField
          label={t("learners.personalEmail")}
          type="email"
          hint={t("learners.optional")}
          autoComplete="off"
          {...feedback.bind("personalEmail", personalEmail, setPersonalEmail)}
        />
      </div>
      <SelectField
        label={t("learners.locale")}
        name="locale"
        value={locale}
        onChange={(event) => setLocale(event.target.value === "en" ? "en" : "fr")}
        error={feedback.fieldErrors.locale}
      >
        <option value="fr">{t("languages.fr")}</option>
        <option value="en">{t("languages.en")}</option>
      </SelectField>
      <div className="form-actions">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
