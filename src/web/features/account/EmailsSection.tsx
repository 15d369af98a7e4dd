import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AccountEmail, AccountEmails } from "../../../core/accounts/accounts.types.ts";
import {
  addAccountEmail,
  listAccountEmails,
  makeAccountEmailPrimary,
  removeAccountEmail,
} from "../../api/auth.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { RowActionButton } from "../../components/RowActionButton.tsx";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { SubmitButton } from "../../components/SubmitButton.tsx";
import { TextField } from "../../components/TextField.tsx";
import { useErrorText } from "../../hooks/useErrorText.ts";
import { useFormFeedback } from "../../hooks/useFormFeedback.ts";
import { isEmail } from "../../lib/validation.ts";
import { InstitutionalEmailNotice } from "./InstitutionalEmailNotice.tsx";

const FIELDS = ["email"] as const;

/** The addresses on the account: add one (confirmed by email), make a confirmed one primary, remove one. */
export function EmailsSection() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const feedback = useFormFeedback(FIELDS);
  const [email, setEmail] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const emails = useQuery({ queryKey: queryKeys.accountEmails, queryFn: listAccountEmails });
  const settle = (list?: AccountEmails) => {
    if (list) queryClient.setQueryData(queryKeys.accountEmails, list);
    void queryClient.invalidateQueries({ queryKey: queryKeys.accountEmails });
    void queryClient.invalidateQueries({ queryKey: queryKeys.me });
  };
  const add = useMutation({
    mutationFn: () => addAccountEmail(email.trim()),
    onSuccess: (list) => {
      settle(list);
      setStatus(t("account.emails.sent", { email: email.trim() }));
      setEmail("");
    },
    onError: feedback.fail,
  });
  const primary = useMutation({
    mutationFn: (row: AccountEmail) => makeAccountEmailPrimary(row.id ?? ""),
    onSuccess: (list, row) => {
      settle(list);
      setStatus(t("account.emails.madePrimary", { email: row.email }));
    },
  });
  const remove = useMutation({
    mutationFn: (row: AccountEmail) => removeAccountEmail(row.id ?? ""),
    onSuccess: (_, row) => {
      settle();
      setStatus(t("account.emails.removed", { email: row.email }));
    },
  });
  const rowError = primary.error ?? remove.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    if (feedback.validate(isEmail(email) ? {} : { email: email.trim() ? "email" : "required" })) add.mutate();
  };

  return (
    <section className="section" aria-labelledby="emails-heading">
      <h2 id="emails-heading" tabIndex={-1}>
        {t("account.emails.title")}
      </h2>
      <p>{t("account.emails.intro")}</p>
      <InstitutionalEmailNotice />
      <FormAlert message={rowError ? errorText(rowError) : null} />
      <StatusMessage>{status}</StatusMessage>
      {emails.isPending && <Loading />}
      {emails.isError && <QueryError error={emails.error} onRetry={() => void emails.refetch()} />}
      {emails.data && (
        <DataTable
          caption={t("account.emails.table")}
          columns={[t("account.emails.address"), t("account.emails.state")]}
          actions
        >
          {emails.data.emails.map((row) => (
            <tr key={row.id ?? "primary"}>
              <td className="cell-break">{row.email}</td>
              <td>
                {row.primary
                  ? t("account.emails.primary")
                  : row.verified
                    ? t("account.emails.verified")
                    : t("account.emails.pending")}
                {row.institutional && (
                  <>
                    <br />
                    <small>{t("account.emails.institutional")}</small>
                  </>
                )}
              </td>
              <td className="cell-actions">
                {!row.primary && row.verified && (
                  <RowActionButton
                    subject={row.email}
                    pending={primary.isPending && primary.variables?.id === row.id}
                    onClick={() => primary.mutate(row)}
                  >
                    {t("account.emails.makePrimary")}
                  </RowActionButton>
                )}{" "}
                {!row.primary && (
                  <RowActionButton
                    subject={row.email}
                    variant="danger"
                    pending={remove.isPending && remove.variables?.id === row.id}
                    onClick={() => remove.mutate(row)}
                  >
                    {t("account.emails.remove")}
                  </RowActionButton>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <form className="form card subsection" noValidate onSubmit={submit}>
        <h3>{t("account.emails.addTitle")}</h3>
        <FormAlert message={feedback.formError} />
        <TextField
          label={t("account.emails.newAddress")}
          hint={t("account.emails.newAddressHint")}
          type="email"
          autoComplete="email"
          required
          {...feedback.bind("email", email, setEmail)}
        />
        <div className="form-actions">
          <SubmitButton pending={add.isPending}>{t("account.emails.add")}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
