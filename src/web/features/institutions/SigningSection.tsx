import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Institution } from "../../../core/institutions/institutions.types.ts";
import type { SignatureLevel } from "../../../core/signing/signing.types.ts";
import { updateInstitution } from "../../api/institutions.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { CheckboxField } from "../../components/CheckboxField.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { type ClientErrors, useFormFeedback } from "../../hooks/useFormFeedback.ts";
import { isHttpUrl } from "../../lib/validation.ts";

const FIELDS = ["stampEnabled", "tsaUrl", "signatureLevel"] as const;

/** The PAdES levels, lowest first (web may not import core's values: the Record keeps the list whole). */
const LEVEL_RANK: Record<SignatureLevel, number> = { "B-B": 0, "B-T": 1, "B-LT": 2, "B-LTA": 3 };
const LEVELS = (Object.keys(LEVEL_RANK) as SignatureLevel[]).sort((a, b) => LEVEL_RANK[a] - LEVEL_RANK[b]);

/** The institution's signing settings: the visible verification notice (QR code) and the timestamp authority. */
export function SigningSection({ institution }: { institution: Institution }) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const feedback = useFormFeedback(FIELDS);
  const [stampEnabled, setStampEnabled] = useState(institution.stampEnabled);
  const [tsaUrl, setTsaUrl] = useState(institution.tsaUrl ?? "");
  /** "" is the default level (B-LTA with a timestamp authority, else B-B). */
  const [level, setLevel] = useState<SignatureLevel | "">(institution.signatureLevel ?? "");

  const mutation = useMutation({
    mutationFn: () =>
      updateInstitution(institution.slug, {
        stampEnabled,
        tsaUrl: tsaUrl.trim() || null,
        signatureLevel: level || null,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.institution(saved.slug), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.institutions, exact: true });
      setTsaUrl(saved.tsaUrl ?? "");
      setStampEnabled(saved.stampEnabled);
      setLevel(saved.signatureLevel ?? "");
    },
    onError: feedback.fail,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    const errors: ClientErrors<(typeof FIELDS)[number]> = {};
    if (tsaUrl.trim() && !isHttpUrl(tsaUrl.trim())) errors.tsaUrl = "url";
    if (level && level !== "B-B" && !tsaUrl.trim()) errors.signatureLevel = "tsaRequired";
    if (feedback.validate(errors)) mutation.mutate();
  };

  return (
    <section className="card section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("signing.title")}</h2>
      <p className="muted">{t("signing.intro")}</p>
      <form className="form" noValidate onSubmit={submit}>
        <FormAlert message={feedback.formError} />
        <StatusMessage>{mutation.isSuccess ? t("signing.saved") : null}</StatusMessage>
        <CheckboxField
          label={t("signing.stampEnabled")}
          hint={t("signing.stampHint")}
          name="stampEnabled"
          checked={stampEnabled}
          onChange={(event) => setStampEnabled(event.target.checked)}
        />
        <TextField
          label={t("signing.tsaUrl")}
          hint={t("signing.tsaHint")}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://"
          maxLength={500}
          {...feedback.bind("tsaUrl", tsaUrl, setTsaUrl)}
        />
        <SelectField
          label={t("signing.level")}
          hint={t("signing.levelHint")}
          name="signatureLevel"
          value={level}
          error={feedback.fieldErrors.signatureLevel}
          onChange={(event) => {
            const value = event.target.value;
            setLevel(LEVELS.find((l) => l === value) ?? "");
          }}
        >
          <option value="">{t("signing.levels.default")}</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`signing.levels.${l}`)}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <SubmitButton pending={mutation.isPending}>{t("signing.save")}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
