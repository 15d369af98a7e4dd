import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { listLinkedAccounts, signOnKeys, startLink, unlinkAccount } from "../../api/sign-on.ts";
import { ActionButton } from "../../components/ActionButton.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { useErrorText } from "../../hooks/useErrorText.ts";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDate, localizedName } from "../../lib/format.ts";

/** The profile's linked accounts: the operator's providers, link (a round trip to the provider) and unlink. */
export function LinkedAccountsSection() {
  const { t } = useTranslation();
  const lang = useLocale();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const justLinked = params.get("linked");
  const data = useQuery({ queryKey: signOnKeys.linked, queryFn: listLinkedAccounts });
  const link = useMutation({
    mutationFn: startLink,
    onSuccess: ({ url }) => window.location.assign(url),
  });
  const unlink = useMutation({
    mutationFn: unlinkAccount,
    onSettled: () => queryClient.invalidateQueries({ queryKey: signOnKeys.linked }),
  });
  if (data.data && data.data.providers.length === 0 && data.data.linked.length === 0) return null;
  const error = link.error ?? unlink.error;
  const linkedKeys = new Set(data.data?.linked.map((a) => a.providerKey));

  return (
    <section className="section" id="linked-accounts" aria-labelledby="linked-accounts-heading">
      <h2 id="linked-accounts-heading">{t("linkedAccounts.title")}</h2>
      <p>{t("linkedAccounts.intro")}</p>
      <FormAlert message={error ? errorText(error) : null} />
      <StatusMessage>
        {unlink.isSuccess ? t("linkedAccounts.unlinked") : justLinked ? t("linkedAccounts.linked") : null}
      </StatusMessage>
      {data.isPending && <Loading />}
      {data.isError && <QueryError error={data.error} onRetry={() => void data.refetch()} />}
      {data.data && (
        <ul className="linked-accounts">
          {data.data.providers.map((p) => {
            const account = data.data.linked.find((a) => a.providerKey === p.key);
            const name = localizedName(p, lang);
            return (
              <li key={p.key} className="linked-account">
                <div>
                  <strong>{name}</strong>
                  <p className="muted">
                    {account
                      ? t("linkedAccounts.linkedOn", {
                          email: account.email ?? t("linkedAccounts.noEmail"),
                          date: formatDate(account.createdAt, lang),
                        })
                      : t("linkedAccounts.notLinked")}
                  </p>
                </div>
                {account ? (
                  <ActionButton
                    small
                    pending={unlink.isPending && unlink.variables === account.id}
                    onClick={() => {
                      link.reset();
                      unlink.mutate(account.id);
                    }}
                  >
                    {t("linkedAccounts.unlink", { name })}
                  </ActionButton>
                ) : (
                  <ActionButton
                    small
                    pending={link.isPending && link.variables === p.key}
                    onClick={() => {
                      unlink.reset();
                      link.mutate(p.key);
                    }}
                  >
                    {t("linkedAccounts.link", { name })}
                  </ActionButton>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {data.data && !data.data.hasPassword && linkedKeys.size <= 1 && (
        <p className="muted">{t("linkedAccounts.lastWayHint")}</p>
      )}
    </section>
  );
}
