import { useEffect, useRef } from "preact/hooks";
import { api } from "../../../convex/_generated/api";
import type { AppEventHub } from "../../apps/event-hub";
import type { Workspace } from "../workspace";
import { useQuery, useServices } from "../use-convex";
import { fillDraft } from "../apps/draft-channel";
import type { ScreenActions } from "../apps/app-panels";

/** The platform every widget conversation reports, in the vendor format's words. */
const WIDGET_PLATFORM = "WEBCHAT";

/**
 * The Chats screen as its apps see it: `chat:selected` when a conversation opens,
 * `chat:messageSent` for each reply sent in it after that, and the actions that
 * write in its reply box or send from it.
 */
export function useChatApps(hub: AppEventHub, workspace: Workspace, conversationId: string | null): ScreenActions {
  const { client } = useServices();
  const args = conversationId === null ? "skip" : { workspaceId: workspace.workspaceId, conversationId };
  const { data: conversation } = useQuery(api.inboxConversations.get, args);
  const { data: messages } = useQuery(api.inboxMessages.list, args);

  const customerId = conversation?._id === conversationId ? conversation?.visitorId : undefined;
  const customerName = conversation?.visitorName;
  useEffect(() => {
    if (customerId === undefined) return;
    hub.emit("chat:selected", { customerId, ...(customerName === undefined ? {} : { customerName }), platform: WIDGET_PLATFORM });
  }, [hub, customerId, customerName]);

  // Replies that were already there when the conversation opened are not "sent" now.
  const announced = useRef<{ conversationId: string | null; ids: Set<string> }>({ conversationId: null, ids: new Set() });
  useEffect(() => {
    if (messages === undefined || customerId === undefined) return;
    const seen = announced.current;
    const firstLook = seen.conversationId !== conversationId;
    if (firstLook) announced.current = { conversationId, ids: new Set(messages.map((message) => message._id)) };
    if (firstLook) return;
    for (const message of messages) {
      if (seen.ids.has(message._id)) continue;
      seen.ids.add(message._id);
      if (message.senderType !== "agent") continue;
      const messageType = (message.attachments?.length ?? 0) > 0 ? "ATTACHMENT" : "TEXT";
      hub.emit("chat:messageSent", { customerId, messageType, messageId: message._id });
    }
  }, [hub, messages, conversationId, customerId]);

  return {
    fillInput: (text) => {
      if (!fillDraft(text)) throw new Error("Open a conversation before filling its reply box.");
    },
    sendMessage: async (text) => {
      if (conversationId === null) throw new Error("Open a conversation before sending a message.");
      await client.mutation(api.inboxMessages.reply, { workspaceId: workspace.workspaceId, conversationId, body: text });
    },
  };
}
