import { useEffect, useMemo } from "preact/hooks";
import { isLocalKey } from "../../runtime/outbox";
import type { WidgetSettings } from "../../runtime/settings";
import { ChevronLeftIcon } from "../icons";
import { mergeMessages } from "../merge";
import { strings } from "../strings";
import type { MessengerController } from "../types";
import { parseMessages } from "../wire";
import { Avatar } from "./avatar";
import { Composer } from "./composer";
import { useLiveQuery, useOutboxEntries, usePageVisible } from "./hooks";
import { HideButton } from "./hide-button";
import { MessageLog } from "./message-log";

export interface ConversationViewProps {
  controller: MessengerController;
  settings: WidgetSettings;
  /** A conversation id, or a local key for a conversation the first message will start. */
  conversationKey: string;
  draft?: string;
  /** The panel is open (messages shown to the visitor count as read only then). */
  open: boolean;
  onBack(): void;
  onClose(): void;
}

export function ConversationView(props: ConversationViewProps) {
  const { controller, settings, conversationKey } = props;
  const pending = useOutboxEntries(controller.outbox, conversationKey);
  const resolved = controller.outbox.resolve(conversationKey);
  const conversationId = isLocalKey(resolved) ? null : resolved;
  const [server, retry] = useLiveQuery(
    conversationId ? (onValue, onError) => controller.watchMessages(conversationId, onValue, onError) : null,
    conversationId ?? "",
    parseMessages,
  );
  const serverMessages = server.status === "ready" ? server.data : undefined;
  const messages = useMemo(() => mergeMessages(serverMessages, pending), [serverMessages, pending]);

  // Sent messages the live list now shows need no optimistic copy any more.
  useEffect(() => {
    if (!serverMessages) return;
    controller.outbox.confirm(new Set(serverMessages.flatMap((m) => (m.clientMessageId ? [m.clientMessageId] : []))));
  }, [serverMessages]);

  const pageVisible = usePageVisible();
  const lastIncoming = serverMessages?.findLast((message) => message.senderType !== "visitor");
  useEffect(() => {
    if (props.open && pageVisible && conversationId && lastIncoming) controller.markAsRead(conversationId);
  }, [props.open, pageVisible, conversationId, lastIncoming?._id]);

  return (
    <div class="oc-conversation">
      <div class="oc-bar">
        <button type="button" class="oc-icon-button" aria-label={strings.back} onClick={props.onBack}>
          <ChevronLeftIcon />
        </button>
        <Avatar name={settings.teamName} />
        <div class="oc-bar-text">
          <h2 class="oc-bar-title">{settings.teamName}</h2>
          <p class="oc-bar-subtitle">{strings.teamReplies}</p>
        </div>
        <HideButton onClose={props.onClose} />
      </div>
      {server.status === "error" ? (
        <p class="oc-note" role="alert">
          {strings.messagesFailed}{" "}
          <button type="button" class="oc-link" onClick={retry}>
            {strings.tryAgain}
          </button>
        </p>
      ) : (
        <MessageLog messages={messages} teamName={settings.teamName} onRetry={controller.retry} />
      )}
      <Composer
        {...(props.draft !== undefined ? { initialText: props.draft } : {})}
        onSend={(body) => controller.send(conversationKey, body)}
      />
    </div>
  );
}
