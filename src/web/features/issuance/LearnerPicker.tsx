import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Learner } from "../../../core/learners/learners.types.ts";
import { searchLearners } from "../../api/learners.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { FieldError } from "../../components/FieldError.tsx";
import { fieldIds } from "../../components/fieldIds.ts";
import { Loading } from "../../components/Loading.tsx";
import { QueryError } from "../../components/QueryError.tsx";

const LIMIT = 10;

interface LearnerPickerProps {
  slug: string;
  learner: Learner | null;
  onChoose: (learner: Learner) => void;
  error: string | undefined;
  /** The id of the search input, so that the form can move the focus to it. */
  inputId: string;
}

/** Finds a learner by name or student number, then lets the issuer choose one among the matches (radio buttons). */
export function LearnerPicker({ slug, learner, onChoose, error, inputId }: LearnerPickerProps) {
  const { t } = useTranslation();
  const legendId = useId();
  const [draft, setDraft] = useState("");
  const [q, setQ] = useState<string | null>(null);
  const results = useQuery({
    queryKey: [...queryKeys.learners(slug), "pick", q ?? ""],
    queryFn: () => searchLearners(slug, { q: q ?? "", limit: LIMIT }),
    enabled: q !== null,
  });
  const search = () => setQ(draft.trim());
  const searchOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    // Enter searches, it does not submit the whole form.
    event.preventDefault();
    search();
  };
  const hint = t("issue.learnerSearchHint");
  const { hintId, errorId, describedBy } = fieldIds(inputId, hint, error);
  const fullName = (l: Learner) => `${l.familyName}, ${l.givenName}`;
  const data = results.data;
  return (
    <fieldset className={error ? "picker field-invalid" : "picker"} aria-labelledby={legendId}>
      <legend id={legendId} className="picker-legend">
        {t("issue.learner")}
      </legend>
      {learner && (
        <p className="picker-chosen">
          {t("issue.learnerChosen", { name: fullName(learner), number: learner.studentNumber })}
        </p>
      )}
      <div className="picker-search">
        <div className="field">
          <label htmlFor={inputId}>{t("issue.learnerSearch")}</label>
          <p id={hintId} className="field-hint">
            {hint}
          </p>
          <input
            id={inputId}
            className="input"
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={searchOnEnter}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <button type="button" className="button button-secondary" onClick={search}>
          {t("issue.learnerSearchSubmit")}
        </button>
      </div>
      <FieldError id={errorId} error={error} />
      {results.isFetching && <Loading />}
      {results.isError && <QueryError error={results.error} onRetry={() => void results.refetch()} />}
      {data && !results.isFetching && data.learners.length === 0 && (
        <p className="muted" role="status">
          {t("issue.learnerNoMatch", { q })}
        </p>
      )}
      {data && data.learners.length > 0 && (
        <fieldset className="picker-results">
          <legend className="visually-hidden">{t("issue.learnerResults")}</legend>
          <ul className="picker-list">
            {data.learners.map((l) => (
              <li key={l.id}>
                <label className="picker-option">
                  <input
                    type="radio"
                    name="learnerId"
                    value={l.id}
                    checked={learner?.id === l.id}
                    onChange={() => onChoose(l)}
                  />
                  <span>{t("issue.learnerOption", { name: fullName(l), number: l.studentNumber })}</span>
                </label>
              </li>
            ))}
          </ul>
          {data.nextCursor && <p className="muted">{t("issue.learnerMore", { count: LIMIT })}</p>}
        </fieldset>
      )}
    </fieldset>
  );
}
