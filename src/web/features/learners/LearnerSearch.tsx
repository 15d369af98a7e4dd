import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { searchLearners } from "../../api/learners.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { Loading } from "../../components/Loading.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { TextField } from "../../components/TextField.tsx";
import { LearnersTable } from "./LearnersTable.tsx";

type Position = { after?: string; before?: string };

/** The search box, the table of learners and keyset "previous / next" pagination. */
export function LearnerSearch({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [draft, setDraft] = useState("");
  const [q, setQ] = useState("");
  const [position, setPosition] = useState<Position>({});
  const page = useQuery({
    queryKey: queryKeys.learnerPage(slug, q, position.after, position.before),
    queryFn: () => searchLearners(slug, { q, after: position.after, before: position.before }),
    placeholderData: keepPreviousData,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQ(draft.trim());
    setPosition({});
  };
  const data = page.data;
  const count = data
    ? data.totalCapped
      ? t("learners.countCapped", { count: data.total, formatted: data.total.toLocaleString(i18n.language) })
      : t("learners.count", { count: data.total, formatted: data.total.toLocaleString(i18n.language) })
    : "";

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("learners.listTitle")}</h2>
      <search aria-label={t("learners.searchLabel")}>
        <form className="learner-search" onSubmit={submit}>
          <TextField
            label={t("learners.search")}
            hint={t("learners.searchHint")}
            type="search"
            name="q"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button button-secondary">
            {t("learners.searchSubmit")}
          </button>
        </form>
      </search>
      {page.isPending && <Loading />}
      {page.isError && <QueryError error={page.error} onRetry={() => void page.refetch()} />}
      {data && (
        <>
          <p role="status">{count}</p>
          {data.learners.length > 0 ? (
            <LearnersTable slug={slug} learners={data.learners} caption={t("learners.tableCaption")} />
          ) : (
            <p className="muted">{q ? t("learners.noMatch") : t("learners.none")}</p>
          )}
          {(data.prevCursor || data.nextCursor) && (
            <nav className="pagination" aria-label={t("pagination.label")}>
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={!data.prevCursor}
                onClick={() => data.prevCursor && setPosition({ before: data.prevCursor })}
              >
                {t("pagination.previous")}
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={!data.nextCursor}
                onClick={() => data.nextCursor && setPosition({ after: data.nextCursor })}
              >
                {t("pagination.next")}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
