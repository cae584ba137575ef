import { formatAge } from "../format";
import type { ConversationSummary } from "../wire";
import { Avatar } from "./avatar";
import type { LiveState } from "./hooks";
import { useI18n } from "./i18n";
import { LiveContent } from "./live-content";

export interface ConversationListProps {
  state: LiveState<ConversationSummary[]>;
  teamName: string;
  onOpen(conversationId: string): void;
  onRetry(): void;
}

/** The visitor's conversations, newest first: loading, error, empty and filled states. */
export function ConversationList({ state, teamName, onOpen, onRetry }: ConversationListProps) {
  const { t, locale } = useI18n();
  if (state.status !== "ready") {
    return (
      <LiveContent state={state} retry={onRetry} failed={t.conversationsFailed}>
        {() => null}
      </LiveContent>
    );
  }
  if (state.data.length === 0) return <p class="oc-note">{t.noConversations}</p>;

  const now = Date.now();
  const rows = [...state.data].sort((a, b) => b.lastMessageAt - a.lastMessageAt);
  return (
    <ul class="oc-conversations">
      {rows.map((row) => (
        <li key={row.id}>
          <button type="button" class={row.unread > 0 ? "oc-row oc-row-unread" : "oc-row"} onClick={() => onOpen(row.id)}>
            <Avatar name={teamName} />
            <span class="oc-row-main">
              <span class="oc-row-title">{teamName}</span>
              <span class="oc-row-preview">{row.lastMessagePreview}</span>
            </span>
            <span class="oc-row-side">
              <time dateTime={new Date(row.lastMessageAt).toISOString()}>{formatAge(row.lastMessageAt, now, t.justNow, locale)}</time>
              {row.unread > 0 && (
                <span class="oc-dot">
                  <span class="oc-visually-hidden">{t.launcher.unread(row.unread)}</span>
                </span>
              )}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
