import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { getOutboxMessage } from "../../api/dev.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { Loading } from "../../components/Loading.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime } from "../../lib/format.ts";
import { LinkifiedText } from "./LinkifiedText.tsx";

/** One email: headers, the text version with clickable links, and the HTML version in a sandbox. */
export function OutboxMessageView({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLocale();
  const query = useQuery({ queryKey: queryKeys.outboxMessage(id), queryFn: () => getOutboxMessage(id) });
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const message = query.data;
  return (
    <article className="outbox-message card" aria-labelledby="outbox-message-subject">
      <h2 id="outbox-message-subject">{message.subject}</h2>
      <dl className="details details-compact">
        <div>
          <dt>{t("outbox.from")}</dt>
          <dd className="cell-break">{message.from}</dd>
        </div>
        <div>
          <dt>{t("outbox.to")}</dt>
          <dd className="cell-break">{message.to}</dd>
        </div>
        <div>
          <dt>{t("outbox.sentAt")}</dt>
          <dd>
            <time dateTime={message.sentAt}>{formatDateTime(message.sentAt, lang)}</time>
          </dd>
        </div>
      </dl>
      <h3>{t("outbox.text")}</h3>
      <pre className="outbox-text">
        <LinkifiedText text={message.text} />
      </pre>
      <h3>{t("outbox.html")}</h3>
      {message.html ? (
        <iframe
          className="outbox-html"
          title={t("outbox.htmlFrame")}
          sandbox=""
          src={`/api/v1/dev/outbox/${encodeURIComponent(message.id)}/html`}
        />
      ) : (
        <p className="muted">{t("outbox.noHtml")}</p>
      )}
    </article>
  );
}
