import { useEffect, useRef } from "preact/hooks";
import type { InboxConversation } from "../../../convex/lib/inboxViews";
import { plainText } from "./plain-text";
import { playChime, soundEnabled } from "./sound";

/**
 * The page title carries the unread count. When a conversation's unread count grows, a chime
 * plays if the operator turned sound on, and, with the tab in the background and the browser's
 * permission, a desktop notification shows.
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
    if (before === null) return;
    const grown = conversations.filter((conversation) => conversation.unreadCount > (before.get(conversation._id) ?? 0));
    if (grown.length === 0) return;
    if (soundEnabled()) playChime();
    if (!document.hidden || typeof Notification === "undefined" || Notification.permission !== "granted") return;
    for (const conversation of grown) {
      new Notification(conversation.visitorName, { body: plainText(conversation.lastMessagePreview), tag: conversation._id });
    }
  }, [conversations]);
}
