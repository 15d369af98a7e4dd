import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { OutboxSummary } from "../../../core/mail/mail.types.ts";
import { ActionButton } from "../../components/ActionButton.tsx";
import { useLocale } from "../../hooks/useLocale.ts";
import { formatDateTime } from "../../lib/format.ts";

interface OutboxListProps {
  messages: OutboxSummary[];
  selectedId: string | null;
  refreshing: boolean;
  onRefresh: () => void;
}

/** The sent emails, newest first; each opens on the same page. */
export function OutboxList({ messages, selectedId, refreshing, onRefresh }: OutboxListProps) {
  const { t } = useTranslation();
  const lang = useLocale();
  return (
    <section className="outbox-list" aria-labelledby="outbox-list-heading">
      <div className="outbox-list-header">
        <h2 id="outbox-list-heading">{t("outbox.messages")}</h2>
        <ActionButton small pending={refreshing} onClick={onRefresh}>
          {t("outbox.refresh")}
        </ActionButton>
      </div>
      {messages.length === 0 ? (
        <p className="empty">{t("outbox.empty")}</p>
      ) : (
        <ul className="outbox-items">
          {messages.map((message) => (
            <li key={message.id}>
              <Link
                to={`/dev/outbox/${encodeURIComponent(message.id)}`}
                className="outbox-item"
                aria-current={message.id === selectedId ? "true" : undefined}
              >
                <span className="outbox-item-subject">{message.subject}</span>
                <span className="outbox-item-meta">
                  {t("outbox.toLine", { to: message.to })}
                  <span aria-hidden="true"> · </span>
                  <time dateTime={message.sentAt}>{formatDateTime(message.sentAt, lang)}</time>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
