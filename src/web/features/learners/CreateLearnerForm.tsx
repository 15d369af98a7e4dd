import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { createLearner } from "../../api/learners.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { StatusMessage } from "../../components/StatusMessage.tsx";
import { useFormFeedback } from "../../hooks/useFormFeedback.ts";
import { LEARNER_FIELDS, LearnerForm } from "./LearnerForm.tsx";

export function CreateLearnerForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const feedback = useFormFeedback(LEARNER_FIELDS, { student_number_taken: "studentNumber" });
  // A new key empties the form after each success.
  const [formKey, setFormKey] = useState(0);
  const mutation = useMutation({
    mutationFn: (input: Parameters<typeof createLearner>[1]) => createLearner(slug, input),
    onSuccess: () => {
      feedback.clear();
      setFormKey((k) => k + 1);
      void queryClient.invalidateQueries({ queryKey: queryKeys.learners(slug) });
    },
    onError: feedback.fail,
  });
  return (
    <>
      <StatusMessage>
        {mutation.isSuccess
          ? t("learners.created", { name: `${mutation.data.givenName} ${mutation.data.familyName}` })
          : null}
      </StatusMessage>
      <LearnerForm
        key={formKey}
        title={t("learners.addTitle")}
        submitLabel={t("learners.addSubmit")}
        pending={mutation.isPending}
        feedback={feedback}
        onSubmit={(input) => {
          mutation.reset();
          mutation.mutate(input);
        }}
      />
    </>
  );
}
