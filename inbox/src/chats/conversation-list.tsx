import type { InboxConversation } from "../../../convex/lib/inboxViews";
import { hrefOf } from "../routes";
import { plainText } from "./plain-text";
import { shortTime } from "./time";

type Props = {
  conversations: readonly InboxConversation[];
  selectedId: string | null;
  hasMore: boolean;
  onLoadMore: () => void;
};

export function ConversationList({ conversations, selectedId, hasMore, onLoadMore }: Props) {
  const now = Date.now();
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
              {conversation.assignee && <span class="assignee">Assigned to {conversation.assignee.name}</span>}
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
