import type { InboxConversation } from "../../../convex/lib/inboxViews";
import { hrefOf } from "../routes";
import { plainText } from "./plain-text";
import { isOnline } from "./presence";
import { shortTime } from "./time";

type Props = {
  conversations: readonly InboxConversation[];
  selectedId: string | null;
  now: number;
  hasMore: boolean;
  onLoadMore: () => void;
};

export function ConversationList({ conversations, selectedId, now, hasMore, onLoadMore }: Props) {
  return (
    <>
      <ul class="conversation-list" aria-label="Conversations">
        {conversations.map((conversation) => (
          <li key={conversation._id}>
            <a
              href={hrefOf({ screen: "chats", conversationId: conversation._id })}
              aria-current={conversation._id === selectedId ? "true" : undefined}
              class={conversation.unreadCount > 0 ? "row unread" : "row"}
            >
              <span class="row-top">
                <span class="name">
                  {isOnline(conversation.visitorLastSeenAt, now) && (
                    <>
                      <span class="presence-dot online" aria-hidden="true" />
                      <span class="visually-hidden">Online now: </span>
                    </>
                  )}
                  {conversation.visitorName}
                  {conversation.platform && <span class="platform"> {conversation.platform}</span>}
                </span>
                <time dateTime={new Date(conversation.lastMessageAt).toISOString()}>{shortTime(conversation.lastMessageAt, now)}</time>
              </span>
              <span class="row-bottom">
                <span class="preview">{plainText(conversation.lastMessagePreview) || "No messages yet"}</span>
                {conversation.unreadCount > 0 && (
                  <span class="badge">
                    {conversation.unreadCount}
                    <span class="visually-hidden"> unread</span>
                  </span>
                )}
              </span>
              {(conversation.assignee || conversation.supportTeam || conversation.snoozedUntil !== null) && (
                <span class="assignee">
                  {[
                    conversation.assignee && `Assigned to ${conversation.assignee.name}`,
                    conversation.supportTeam && `Team ${conversation.supportTeam.name}`,
                    conversation.snoozedUntil !== null && `Snoozed until ${shortTime(conversation.snoozedUntil, now)}`,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
      {conversations.length === 0 && <p class="empty">No conversations here.</p>}
      {hasMore && (
        <button type="button" class="quiet load-more" onClick={onLoadMore}>
          Load more
        </button>
      )}
    </>
  );
}
