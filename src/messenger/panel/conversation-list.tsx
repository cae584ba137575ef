import { formatAge } from "../format";
import { strings } from "../strings";
import type { ConversationSummary } from "../wire";
import { Avatar } from "./avatar";
import type { LiveState } from "./hooks";

export interface ConversationListProps {
  state: LiveState<ConversationSummary[]>;
  teamName: string;
  onOpen(conversationId: string): void;
  onRetry(): void;
}

/** The visitor's conversations, newest first: loading, error, empty and filled states. */
export function ConversationList({ state, teamName, onOpen, onRetry }: ConversationListProps) {
  if (state.status === "loading") {
    return (
      <div aria-busy="true" aria-label={strings.loading}>
        <div class="oc-skeleton" />
        <div class="oc-skeleton" />
      </div>
    );
  }
  if (state.status === "error") {
    return (
      <p class="oc-note" role="alert">
        {strings.conversationsFailed}{" "}
        <button type="button" class="oc-link" onClick={onRetry}>
          {strings.tryAgain}
        </button>
      </p>
    );
  }
  if (state.data.length === 0) return <p class="oc-note">{strings.noConversations}</p>;

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
              <time dateTime={new Date(row.lastMessageAt).toISOString()}>{formatAge(row.lastMessageAt, now, strings.justNow)}</time>
              {row.unread > 0 && (
                <span class="oc-dot">
                  <span class="oc-visually-hidden">{strings.unread(row.unread)}</span>
                </span>
              )}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
