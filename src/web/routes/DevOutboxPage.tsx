import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { listOutbox } from "../api/dev.ts";
import { ApiError } from "../api/http.ts";
import { queryKeys } from "../api/query-keys.ts";
import { Loading } from "../components/Loading.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { QueryError } from "../components/QueryError.tsx";
import { OutboxList } from "../features/outbox/OutboxList.tsx";
import { OutboxMessageView } from "../features/outbox/OutboxMessageView.tsx";
import { useMeta } from "../hooks/useMeta.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** Development only: the emails the server would have sent, readable in the browser. */
export function DevOutboxPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const meta = useMeta();
  const enabled = meta.data?.devOutbox === true;
  const messages = useQuery({ queryKey: queryKeys.outbox, queryFn: listOutbox, enabled, staleTime: 0 });

  if (meta.data && !enabled) return <NotFoundPage />;
  if (messages.error instanceof ApiError && messages.error.status === 404) return <NotFoundPage />;

  return (
    <div className="page">
      <PageHeading title={t("outbox.title")} />
      <p className="banner banner-dev">{t("outbox.devOnly")}</p>
      {meta.isError && <QueryError error={meta.error} onRetry={() => void meta.refetch()} />}
      {(meta.isPending || (enabled && messages.isPending)) && <Loading />}
      {messages.isError && <QueryError error={messages.error} onRetry={() => void messages.refetch()} />}
      {messages.data && (
        <div className="outbox">
          <OutboxList
            messages={messages.data}
            selectedId={id ?? null}
            refreshing={messages.isFetching}
            onRefresh={() => void messages.refetch()}
          />
          {id ? (
            <OutboxMessageView id={id} />
          ) : (
            messages.data.length > 0 && <p className="outbox-hint muted">{t("outbox.choose")}</p>
          )}
        </div>
      )}
    </div>
  );
}
