import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { sendShareCode, unlockShare } from "../../api/sharing.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { useErrorText } from "../../hooks/useErrorText.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime } from "../../lib/format.ts";

/** The passcode and/or the emailed one-time code a guarded share asks for. */
export function ShareUnlockForm({
  token,
  needs,
  emailHint,
  lockedUntil,
  onUnlocked,
}: {
  token: string;
  needs: { passcode: boolean; code: boolean };
  emailHint: string | null;
  /** Locked by the back-off after wrong attempts: until when. */
  lockedUntil: string | null;
  onUnlocked: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const lang = useLocale();
  const [passcode, setPasscode] = useState("");
  const [code, setCode] = useState("");
  const send = useMutation({ mutationFn: () => sendShareCode(token, lang) });
  const unlock = useMutation({
    mutationFn: () =>
      unlockShare(token, { ...(needs.passcode ? { passcode } : {}), ...(needs.code ? { code } : {}) }),
    onSuccess: onUnlocked,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    unlock.mutate();
  };
  return (
    <section className="card section" aria-labelledby="share-unlock-title">
      <h2 id="share-unlock-title">{t("sharing.recipient.unlockTitle")}</h2>
      {lockedUntil ? (
        <p className="alert alert-error" role="status">
          {t("sharing.recipient.lockedUntil", { time: formatDateTime(lockedUntil, lang) })}
        </p>
      ) : (
        <p className="hint">{t("sharing.recipient.backoff")}</p>
      )}
      {needs.code && (
        <div className="stack">
          <p>{t("sharing.recipient.codeIntro", { email: emailHint ?? "" })}</p>
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => send.mutate()}
              disabled={send.isPending}
            >
              {t("sharing.recipient.sendCode")}
            </button>
          </p>
          <p role="status">
            {send.isSuccess ? t("sharing.recipient.codeSent", { email: send.data.emailHint }) : ""}
          </p>
          {send.isError && <FormAlert message={errorText(send.error)} />}
        </div>
      )}
      <form onSubmit={submit} noValidate className="stack">
        <FormAlert message={unlock.isError ? errorText(unlock.error) : null} />
        {needs.passcode && (
          <TextField
            label={t("sharing.recipient.passcode")}
            type="password"
            autoComplete="off"
            value={passcode}
            onChange={(e) => setPasscode(e.target.value)}
            required
          />
        )}
        {needs.code && (
          <TextField
            label={t("sharing.recipient.code")}
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            required
          />
        )}
        <SubmitButton pending={unlock.isPending}>{t("sharing.recipient.open")}</SubmitButton>
      </form>
    </section>
  );
}
