import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { confirmAccountEmail } from "../api/auth.ts";
import { queryKeys } from "../api/query-keys.ts";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { useCurrentUser } from "../features/auth/useCurrentUser.ts";
import { useErrorText } from "../hooks/useErrorText.ts";
import { useHashToken } from "../hooks/useHashToken.ts";

/** Kept for the length of the tab while the person signs in first (the fragment is gone by then). */
const PENDING_KEY = "sceau.confirmEmailToken";

/**
 * Where the "confirm this address" email leads. The link works only for the account that asked,
 * so an anonymous visitor signs in first and comes back here to finish.
 */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const hashToken = useHashToken();
  const [token] = useState(() => {
    if (hashToken) sessionStorage.setItem(PENDING_KEY, hashToken);
    return hashToken ?? sessionStorage.getItem(PENDING_KEY);
  });
  const { user, isPending } = useCurrentUser();
  const started = useRef(false);
  const mutation = useMutation({
    mutationFn: () => confirmAccountEmail(token ?? ""),
    onSuccess: (list) => queryClient.setQueryData(queryKeys.accountEmails, list),
    onSettled: () => sessionStorage.removeItem(PENDING_KEY),
  });
  const { mutate } = mutation;
  useEffect(() => {
    if (!token || !user || started.current) return;
    started.current = true;
    mutate();
  }, [token, user, mutate]);

  if (!token || mutation.isError) {
    return (
      <div className="page page-narrow">
        <PageHeading title={t("confirmEmail.invalidTitle")} takeFocus={mutation.isError} />
        <p className="lead">{mutation.isError ? errorText(mutation.error) : t("confirmEmail.noToken")}</p>
        <p>
          <Link to="/account">{t("confirmEmail.toAccount")}</Link>
        </p>
      </div>
    );
  }
  if (!isPending && !user) {
    return (
      <div className="page page-narrow">
        <PageHeading title={t("confirmEmail.title")} />
        <p className="lead">{t("confirmEmail.signInFirst")}</p>
        <p>
          <Link className="button button-primary" to="/sign-in?next=%2Fconfirm-email">
            {t("confirmEmail.signIn")}
          </Link>
        </p>
      </div>
    );
  }
  if (mutation.isSuccess) {
    return (
      <div className="page page-narrow">
        <PageHeading key="done" title={t("confirmEmail.doneTitle")} takeFocus />
        <p className="lead">{t("confirmEmail.doneBody")}</p>
        <p>
          <Link className="button button-primary" to="/account">
            {t("confirmEmail.toAccount")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page-narrow">
      <PageHeading title={t("confirmEmail.title")} />
      <Loading />
    </div>
  );
}
