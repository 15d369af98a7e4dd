import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/http.ts";
import { getLearner, updateLearner } from "../api/learners.ts";
import { queryKeys } from "../api/query-keys.ts";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { StatusMessage } from "../components/StatusMessage.tsx";
import { InstitutionTabs } from "../features/institutions/InstitutionTabs.tsx";
import { LEARNER_FIELDS, LearnerForm } from "../features/learners/LearnerForm.tsx";
import { LearnerInvitationPanel } from "../features/learners/LearnerInvitationPanel.tsx";
import { useFormFeedback } from "../hooks/useFormFeedback.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** Edits one learner record. */
export function LearnerPage() {
  const { t } = useTranslation();
  const { slug = "", id = "" } = useParams();
  const queryClient = useQueryClient();
  const feedback = useFormFeedback(LEARNER_FIELDS, { student_number_taken: "studentNumber" });
  const learner = useQuery({ queryKey: queryKeys.learner(slug, id), queryFn: () => getLearner(slug, id) });
  const mutation = useMutation({
    mutationFn: (input: Parameters<typeof updateLearner>[2]) => updateLearner(slug, id, input),
    onSuccess: (updated) => {
      feedback.clear();
      queryClient.setQueryData(queryKeys.learner(slug, id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.learners(slug) });
    },
    onError: feedback.fail,
  });
  if (learner.error instanceof ApiError && learner.error.status === 404) return <NotFoundPage />;
  const l = learner.data;
  return (
    <div className="page">
      <PageHeading title={l ? `${l.givenName} ${l.familyName}` : t("learners.editTitle")} />
      <InstitutionTabs slug={slug} />
      <p>
        <Link to={`/institutions/${encodeURIComponent(slug)}/learners`}>{t("learners.back")}</Link>
      </p>
      {learner.isPending && <Loading />}
      {learner.isError && <QueryError error={learner.error} onRetry={() => void learner.refetch()} />}
      <StatusMessage>{mutation.isSuccess ? t("learners.saved") : null}</StatusMessage>
      {l && (
        <LearnerForm
          key={l.id}
          title={t("learners.editTitle")}
          submitLabel={t("learners.save")}
          initial={l}
          pending={mutation.isPending}
          feedback={feedback}
          onSubmit={(input) => {
            mutation.reset();
            mutation.mutate(input);
          }}
        />
      )}
      {l && <LearnerInvitationPanel slug={slug} learnerId={l.id} />}
    </div>
  );
}
