import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ShareSummary } from "../../../core/sharing/sharing.types.ts";
import { changeSharePasscode, unlockOwnShare } from "../../api/sharing.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { useErrorText } from "../../hooks/useErrorText.ts";

/**
 * What the learner can do about wrong passcodes or codes on one of their shares: lift the lock
 * (while it is locked) and, for a link, give it a new passcode (the old one and the browsers it
 * opened stop working). Results are announced in a polite live region.
 */
export function ShareLockControls({
  share: s,
  recipient,
  onChanged,
}: {
  share: ShareSummary;
  /** Who the share is for, in words: the buttons' names carry it (one card among many). */
  recipient: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const formId = useId();
  const [done, setDone] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [passcode, setPasscode] = useState("");
  const unlock = useMutation({
    mutationFn: () => unlockOwnShare(s.id),
    onSuccess: () => {
      setDone(t("sharing.history.unlocked"));
      onChanged();
    },
  });
  const change = useMutation({
    mutationFn: () => changeSharePasscode(s.id, passcode),
    onSuccess: () => {
      setDone(t("sharing.history.passcodeChanged"));
      setOpen(false);
      setPasscode("");
      onChanged();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate();
  };
  const live = s.status !== "revoked" && s.status !== "expired";
  const error = unlock.isError ? errorText(unlock.error) : change.isError ? errorText(change.error) : null;
  return (
    <>
      <StatusMessage>{done}</StatusMessage>
      <FormAlert message={error} />
      {live && (s.status === "locked" || s.channel === "link") && (
        <p className="share-doc-actions">
          {s.status === "locked" && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setDone(null);
                unlock.mutate();
              }}
              disabled={unlock.isPending}
            >
              {t("sharing.history.unlock")}
              <span className="visually-hidden"> — {recipient}</span>
            </button>
          )}
          {s.channel === "link" && (
            <button
              type="button"
              className="button button-secondary"
              aria-expanded={open}
              aria-controls={formId}
              onClick={() => {
                setDone(null);
                setOpen(!open);
              }}
            >
              {t(s.hasPasscode ? "sharing.history.newPasscode" : "sharing.history.addPasscode")}
              <span className="visually-hidden"> — {recipient}</span>
            </button>
          )}
        </p>
      )}
      {open && (
        <form id={formId} className="stack share-passcode-form" onSubmit={submit} noValidate>
          <TextField
            label={t("sharing.history.passcodeLabel")}
            hint={t("sharing.history.passcodeHint")}
            type="text"
            autoComplete="off"
            minLength={4}
            maxLength={64}
            value={passcode}
            onChange={(e) => setPasscode(e.target.value)}
            required
          />
          <SubmitButton pending={change.isPending}>{t("sharing.history.savePasscode")}</SubmitButton>
        </form>
      )}
    </>
  );
}
