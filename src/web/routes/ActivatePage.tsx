import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { activateAccount } from "../api/claims.ts";
import { queryKeys } from "../api/query-keys.ts";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { useErrorText } from "../hooks/useErrorText.ts";
import { useHashToken } from "../hooks/useHashToken.ts";

/** Where the activation email leads: the account is activated, the learner signed in and taken to the wallet. */
export function ActivatePage() {
  const { t } = useTranslation();
  const token = useHashToken();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const started = useRef(false);
  const mutation = useMutation({
    mutationFn: () => activateAccount(token ?? ""),
    onSuccess: (user) => {
      queryClient.setQueryData(queryKeys.me, user);
      navigate("/wallet", { replace: true, state: { activated: true } });
    },
  });
  const { mutate } = mutation;
  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    mutate();
  }, [token, mutate]);

  if (!token || mutation.isError) {
    return (
      <div className="page page-narrow">
        <PageHeading title={t("activate.invalidTitle")} takeFocus={mutation.isError} />
        <p className="lead">{mutation.isError ? errorText(mutation.error) : t("activate.noToken")}</p>
        <p>
          <Link to="/sign-in" className="button button-primary">
            {t("activate.signIn")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page-narrow">
      <PageHeading title={t("activate.title")} />
      <Loading />
    </div>
  );
}
