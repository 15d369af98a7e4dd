import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Institution } from "../../../core/institutions/institutions.types.ts";
import { deleteInstitutionLogo, institutionLogoUrl, uploadInstitutionLogo } from "../../api/institutions.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ActionButton } from "../../components/ActionButton.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { useErrorText } from "../../hooks/useErrorText.ts";
import type { ValidationKey } from "../../hooks/useFormFeedback.ts";
import { LogoFileField } from "./LogoFileField.tsx";
import { checkLogoFile, readAsDataUrl } from "./logoFile.ts";

type Done = "uploaded" | "removed" | null;

/** Upload, preview and removal of the institution's logo. */
export function LogoSection({ institution }: { institution: Institution }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<ValidationKey | null>(null);
  const [done, setDone] = useState<Done>(null);

  const saved = (updated: Institution, what: Done) => {
    queryClient.setQueryData(queryKeys.institution(updated.slug), updated);
    void queryClient.invalidateQueries({ queryKey: queryKeys.institutions, exact: true });
    setFile(null);
    setPreview(null);
    setDone(what);
    if (inputRef.current) inputRef.current.value = "";
  };
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadInstitutionLogo(institution.slug, chosen),
    onSuccess: (updated) => saved(updated, "uploaded"),
  });
  const remove = useMutation({
    mutationFn: () => deleteInstitutionLogo(institution.slug),
    onSuccess: (updated) => saved(updated, "removed"),
  });

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    upload.reset();
    setDone(null);
    setFile(chosen);
    setPreview(null);
    const issue = chosen ? checkLogoFile(chosen) : null;
    setProblem(issue);
    if (chosen && !issue) setPreview(await readAsDataUrl(chosen));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    remove.reset();
    const issue = file ? checkLogoFile(file) : "logoMissing";
    setProblem(issue);
    if (file && !issue) upload.mutate(file);
  };

  const apiError = upload.error ?? remove.error;
  const current = institution.hasLogo ? institutionLogoUrl(institution.slug, institution.updatedAt) : null;

  return (
    <section className="card section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("logo.title")}</h2>
      <FormAlert message={problem ? t("forms.fixErrors") : apiError ? errorText(apiError) : null} />
      <StatusMessage>{done ? t(`logo.${done}`) : null}</StatusMessage>
      <div className="logo-section">
        <div className="logo-frame">
          {preview || current ? (
            <img src={preview ?? current ?? ""} alt={preview ? t("logo.previewAlt") : t("logo.currentAlt")} />
          ) : (
            <span className="muted">{t("logo.none")}</span>
          )}
        </div>
        <form className="form logo-form" noValidate onSubmit={submit}>
          <LogoFileField
            inputRef={inputRef}
            onChange={(event) => void choose(event)}
            error={problem ? t(`validation.${problem}`) : undefined}
          />
          <div className="form-actions">
            <SubmitButton pending={upload.isPending}>{t("logo.upload")}</SubmitButton>
            {institution.hasLogo && (
              <ActionButton
                variant="danger"
                pending={remove.isPending}
                onClick={() => {
                  upload.reset();
                  setDone(null);
                  remove.mutate();
                }}
              >
                {t("logo.remove")}
              </ActionButton>
            )}
          </div>
        </form>
      </div>
    </section>
  );
}
