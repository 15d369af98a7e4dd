import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { ClaimPreview } from "../../../core/claims/claims.types.ts";
import { attachClaim } from "../../api/claims.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ActionButton } from "../../components/ActionButton.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { useErrorText } from "../../hooks/useErrorText.ts";
import { useCurrentUser } from "../auth/useCurrentUser.ts";
import { forgetPendingClaim, keepPendingClaim } from "./pendingClaim.ts";

/**
 * "I already have an account": signed in, one button adds the documents to that account; signed
 * out, the checked claim waits in this tab while the person signs in (any way they can), then the
 * claim page shows this button.
 */
export function ClaimExistingAccount({
  claim,
  onExpired,
}: {
  claim: ClaimPreview;
  onExpired: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useCurrentUser();
  const mutation = useMutation({
    mutationFn: () => attachClaim(claim.claimToken),
    onSuccess: () => {
      forgetPendingClaim();
      void queryClient.invalidateQueries({ queryKey: queryKeys.wallet });
      navigate("/wallet", { state: { claimed: true } });
    },
    onError: (error) => {
      if ((error as { code?: string }).code === "claim_token_invalid") {
        forgetPendingClaim();
        onExpired(error);
      }
    },
  });

  return (
    <section className="card section" aria-labelledby="claim-existing-heading">
      <h2 id="claim-existing-heading">{t("claim.existing.title")}</h2>
      {user ? (
        <>
          <p>{t("claim.existing.signedInAs", { email: user.email })}</p>
          <FormAlert message={mutation.isError ? errorText(mutation.error) : null} />
          <ActionButton variant="primary" pending={mutation.isPending} onClick={() => mutation.mutate()}>
            {t("claim.existing.add")}
          </ActionButton>
        </>
      ) : (
        <>
          <p>{t("claim.existing.intro")}</p>
          <p>
            <Link
              className="button button-secondary"
              to="/sign-in?next=%2Fclaim"
              onClick={() => keepPendingClaim(claim)}
            >
              {t("claim.existing.signIn")}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
