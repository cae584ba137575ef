import { useEffect, useRef } from "preact/hooks";
import type { InboxConversation } from "../../../convex/lib/inboxViews";
import { plainText } from "./plain-text";

/**
 * The page title carries the unread count; when the tab is in the background and the operator
 * allowed it, a conversation whose unread count grows raises a desktop notification.
 */
export function useUnreadAlerts(conversations: readonly InboxConversation[] | undefined, workspaceName: string): void {
  const previous = useRef<Map<string, number> | null>(null);
  const unread = conversations?.reduce((sum, conversation) => sum + conversation.unreadCount, 0) ?? 0;
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) Inbox · ${workspaceName}` : `Inbox · ${workspaceName}`;
  }, [unread, workspaceName]);
  useEffect(() => {
    if (conversations === undefined) return;
    const before = previous.current;
    previous.current = new Map(conversations.map((conversation) => [conversation._id, conversation.unreadCount]));
    // The first result is the state on arrival, not news.
    if (before === null || !document.hidden || typeof Notification === "undefined" || Notification.permission !== "granted") return;
    for (const conversation of conversations) {
      if (conversation.unreadCount > (before.get(conversation._id) ?? 0)) {
        new Notification(conversation.visitorName, { body: plainText(conversation.lastMessagePreview), tag: conversation._id });
      }
    }
  }, [conversations]);
}
