import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CreatedShare, ShareChannel, ShareInput } from "../../core/sharing/sharing.types.ts";
import { startShareCheckout } from "../api/payments.ts";
import { queryKeys } from "../api/query-keys.ts";
import { createShare, quoteShare } from "../api/sharing.ts";
import { listWalletDocuments } from "../api/wallet.ts";
import { CheckboxField } from "../components/CheckboxField.tsx";
import { FormAlert } from "../components/FormAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { SubmitButton } from "../components/SubmitButton.tsx";
import { TextField } from "../components/TextField.tsx";
import { OrganizationPicker } from "../features/sharing/OrganizationPicker.tsx";
import { ShareCreated } from "../features/sharing/ShareCreated.tsx";
import { useErrorText } from "../hooks/useErrorText.ts";
import { useLocale } from "../hooks/useLocale.ts";

const CHANNELS: ShareChannel[] = ["email", "link", "organization", "public"];

/** Sharing documents from the wallet: by email, as a link, with an organization of the directory, or as a public page. The price comes first when there is one. */
export function ShareDocumentsPage() {
  const { t } = useTranslation();
  const lang = useLocale();
  const errorText = useErrorText();
  const docs = useQuery({ queryKey: queryKeys.wallet, queryFn: listWalletDocuments });
  const [chosen, setChosen] = useState<string[]>([]);
  const [channel, setChannel] = useState<ShareChannel>("email");
  const [email, setEmail] = useState("");
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const [days, setDays] = useState("");
  const [passcode, setPasscode] = useState("");
  const [maxViews, setMaxViews] = useState("");
  const [download, setDownload] = useState(true);
  const [notify, setNotify] = useState(false);
  const [created, setCreated] = useState<CreatedShare | null>(null);
  const [price, setPrice] = useState<string | null>(null);

  const input = (): ShareInput => ({
    channel,
    documentIds: chosen,
    ...((channel === "email" || channel === "link") && email ? { recipientEmail: email } : {}),
    ...(channel === "organization" ? { organizationId } : {}),
    ...(channel === "email" && message ? { message } : {}),
    ...(days ? { lifetimeDays: Number(days) } : {}),
    ...(channel === "link" && passcode ? { passcode } : {}),
    ...(channel === "link" && maxViews ? { maxViews: Number(maxViews) } : {}),
    downloadAllowed: download,
    notifyOnFirstView: notify,
  });
  const submit = useMutation({
    mutationFn: async () => {
      const quote = await quoteShare(input());
      if (quote.amountCents > 0) {
        setPrice(
          new Intl.NumberFormat(lang === "fr" ? "fr-CA" : "en-CA", {
            style: "currency",
            currency: quote.currency ?? "CAD",
          }).format(quote.amountCents / 100),
        );
        return null;
      }
      return createShare(input());
    },
    onSuccess: (res) => {
      if (res) setCreated(res);
    },
  });
  // A priced share goes through the checkout; it is created once the payment is confirmed.
  const pay = useMutation({
    mutationFn: () => startShareCheckout(input()),
    onSuccess: ({ url }) => window.location.assign(url),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setPrice(null);
    submit.mutate();
  };
  const active = (docs.data ?? []).filter((d) => d.status === "active");

  return (
    <div className="page">
      <PageHeading title={t("sharing.form.title")} />
      {created ? (
        <ShareCreated created={created} />
      ) : (
        <>
          <p className="lead">{t("sharing.form.intro")}</p>
          {docs.isPending && <Loading />}
          {docs.isError && <QueryError error={docs.error} onRetry={() => void docs.refetch()} />}
          {docs.data && (
            <form onSubmit={onSubmit} noValidate className="stack card section">
              <FormAlert message={submit.isError ? errorText(submit.error) : null} />
              {price && (
                <div role="alert" className="alert alert-success">
                  <p>{t("sharing.form.price", { price })}</p>
                  <FormAlert message={pay.isError ? errorText(pay.error) : null} />
                  <button
                    type="button"
                    className="button button-primary"
                    disabled={pay.isPending || pay.isSuccess}
                    onClick={() => pay.mutate()}
                  >
                    {pay.isPending || pay.isSuccess
                      ? t("payments.redirecting")
                      : t("payments.shareCheckout", { price })}
                  </button>
                </div>
              )}
              <fieldset>
                <legend>{t("sharing.form.documents")}</legend>
                {active.length === 0 && <p>{t("sharing.form.noDocuments")}</p>}
                {active.map((d) => (
                  <CheckboxField
                    key={d.id}
                    label={d.title}
                    checked={chosen.includes(d.id)}
                    onChange={(e) =>
                      setChosen(e.target.checked ? [...chosen, d.id] : chosen.filter((id) => id !== d.id))
                    }
                  />
                ))}
              </fieldset>
              <fieldset>
                <legend>{t("sharing.form.channel")}</legend>
                {CHANNELS.map((c) => (
                  <div key={c} className="field field-checkbox">
                    <input
                      type="radio"
                      id={`channel-${c}`}
                      name="channel"
                      value={c}
                      checked={channel === c}
                      onChange={() => setChannel(c)}
                    />
                    <label htmlFor={`channel-${c}`}>{t(`sharing.channel.${c}`)}</label>
                  </div>
                ))}
              </fieldset>
              {channel === "organization" && (
                <OrganizationPicker value={organizationId} onChange={setOrganizationId} />
              )}
              {(channel === "email" || channel === "link") && (
                <TextField
                  label={channel === "email" ? t("sharing.form.email") : t("sharing.form.emailOptional")}
                  hint={channel === "link" ? t("sharing.form.emailHint") : undefined}
                  type="email"
                  autoComplete="off"
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                />
              )}
              {channel === "email" && (
                <TextField
                  label={t("sharing.form.message")}
                  value={message}
                  onChange={(e) => setMessage(e.target.value)}
                />
              )}
              <TextField
                label={t("sharing.form.days")}
                hint={t("sharing.form.daysHint")}
                type="number"
                min={1}
                max={365}
                value={days}
                onChange={(e) => setDays(e.target.value)}
              />
              {channel === "link" && (
                <>
                  <TextField
                    label={t("sharing.form.passcode")}
                    hint={t("sharing.form.passcodeHint")}
                    autoComplete="new-password"
                    value={passcode}
                    onChange={(e) => setPasscode(e.target.value)}
                  />
                  <TextField
                    label={t("sharing.form.maxViews")}
                    hint={t("sharing.form.maxViewsHint")}
                    type="number"
                    min={1}
                    value={maxViews}
                    onChange={(e) => setMaxViews(e.target.value)}
                  />
                </>
              )}
              <CheckboxField
                label={t("sharing.form.download")}
                checked={download}
                onChange={(e) => setDownload(e.target.checked)}
              />
              {channel !== "organization" && (
                <CheckboxField
                  label={t("sharing.form.notify")}
                  checked={notify}
                  onChange={(e) => setNotify(e.target.checked)}
                />
              )}
              <SubmitButton pending={submit.isPending}>{t("sharing.form.submit")}</SubmitButton>
            </form>
          )}
        </>
      )}
    </div>
  );
}
