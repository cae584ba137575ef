import { useEffect, useMemo, useState } from "preact/hooks";
import { isLocalKey } from "../../runtime/outbox";
import { backend } from "../../runtime/functions";
import { ChevronLeftIcon, DownloadIcon } from "../icons";
import { downloadText, transcriptText } from "./transcript";
import { mergeMessages } from "../merge";
import { parseBotState, parseMessages, parseVisitorState } from "../wire";
import { BotActionsContext, type BotActions } from "./bot-message";
import { useBotPacing } from "./bot-pacing";
import { availabilityLine } from "./availability-line";
import { Avatar } from "./avatar";
import { Composer } from "./composer";
import { HideButton } from "./hide-button";
import {
  useLiveQuery,
  useNow,
  useOutboxEntries,
  usePageVisible,
  useQuery,
} from "./hooks";
import { useI18n } from "./i18n";
import { Lazy } from "./lazy-tab";
import { MessageLog } from "./message-log";
import { useRetryAt } from "./send-notice";
import type { TabProps } from "./tab-props";
import { useTeamActivity, useTypingReporter } from "./use-activity";
import { useAttachments } from "./use-attachments";

const loadEmailCapture = () => import("./email-capture");

export interface ConversationViewProps extends Omit<TabProps, "route"> {
  /** A conversation id, or a local key for a conversation the first message will start. */
  conversationKey: string;
  draft?: string;
  /** The panel is open (messages shown to the visitor count as read only then). */
  open: boolean;
  onBack(): void;
}

/** One conversation: the live log, typing and "seen", the composer with files, the email prompt. Its own chunk. */
export default function ConversationView(props: ConversationViewProps) {
  const { controller, settings, panelSettings, conversationKey } = props;
  const { t, locale } = useI18n();
  const pending = useOutboxEntries(controller.outbox, conversationKey);
  const retryAt = useRetryAt(controller.outbox);
  const resolved = controller.outbox.resolve(conversationKey);
  const conversationId = isLocalKey(resolved) ? null : resolved;
  const [server, retry] = useLiveQuery(
    conversationId
      ? (onValue, onError) =>
          controller.watchMessages(conversationId, onValue, onError)
      : null,
    conversationId ?? "",
    parseMessages,
  );
  const serverMessages = server.status === "ready" ? server.data : undefined;
  const merged = useMemo(
    () => mergeMessages(serverMessages, pending),
    [serverMessages, pending],
  );
  const { shown: messages, botTyping } = useBotPacing(merged);
  const [botState] = useQuery(
    controller,
    backend.bots.stateForVisitor,
    conversationId ? { conversationId } : null,
    parseBotState,
  );
  const botActive = botState.status === "ready" && botState.data.botActive;
  const botActions = useMemo(
    (): BotActions | null =>
      conversationId === null
        ? null
        : {
            choose: async (messageId, buttonIndex, elementIndex) => {
              await controller.mutate(backend.bots.choose, {
                conversationId,
                messageId,
                buttonIndex,
                ...(elementIndex !== undefined ? { elementIndex } : {}),
              });
            },
            addStyles: props.addStyles,
          },
    [conversationId],
  );
  const team = useTeamActivity(controller, conversationId);
  const reportTyping = useTypingReporter(controller, conversationId);
  const attachments = useAttachments(controller);
  const [dragging, setDragging] = useState(false);
  const [visitor] = useQuery(
    controller,
    backend.messenger.visitorState,
    {},
    parseVisitorState,
  );
  const availability = availabilityLine(
    t,
    locale,
    panelSettings,
    useNow(60_000),
  );

  // Sent messages the live list now shows need no optimistic copy any more.
  useEffect(() => {
    if (!serverMessages) return;
    controller.outbox.confirm(
      new Set(
        serverMessages.flatMap((m) =>
          m.clientMessageId ? [m.clientMessageId] : [],
        ),
      ),
    );
  }, [serverMessages]);

  const pageVisible = usePageVisible();
  const lastIncoming = serverMessages?.findLast(
    (message) => message.senderType !== "visitor",
  );
  useEffect(() => {
    if (props.open && pageVisible && conversationId && lastIncoming)
      controller.markAsRead(conversationId);
  }, [props.open, pageVisible, conversationId, lastIncoming?._id]);

  const lastOwn = serverMessages?.findLast(
    (message) => message.senderType === "visitor",
  );
  const seen =
    lastOwn !== undefined &&
    team.readByAgentAt !== null &&
    team.readByAgentAt >= lastOwn.createdAt;
  // Anonymous visitors who wrote while the team is away are asked, once, where to reply.
  const askEmail =
    !availability.online &&
    visitor.status === "ready" &&
    !visitor.data.identified &&
    !visitor.data.hasEmail &&
    !visitor.data.emailPrompted &&
    messages.some((message) => message.senderType === "visitor");

  // Once shown, the prompt stays for this view (its "thanks" outlives the live state that hid it).
  const [capture, setCapture] = useState<"hidden" | "shown" | "skipped">(
    "hidden",
  );
  useEffect(() => {
    if (askEmail && capture === "hidden") setCapture("shown");
  }, [askEmail]);

  const hasFiles = (event: DragEvent) =>
    event.dataTransfer?.types.includes("Files") ?? false;
  return (
    <div
      class={dragging ? "oc-conversation oc-dragging" : "oc-conversation"}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (
          !(event.currentTarget as Node).contains(
            event.relatedTarget as Node | null,
          )
        )
          setDragging(false);
      }}
      onDrop={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        attachments.add([...(event.dataTransfer?.files ?? [])]);
      }}
    >
      <div class="oc-bar">
        <button
          type="button"
          class="oc-icon-button oc-flip"
          aria-label={t.backToConversations}
          onClick={props.onBack}
        >
          <ChevronLeftIcon />
        </button>
        <Avatar name={settings.teamName} />
        <div class="oc-bar-text">
          <h2 class="oc-bar-title">{settings.teamName}</h2>
          <p class="oc-bar-subtitle">{availability.line}</p>
        </div>
        {messages.length > 0 && (
          <button
            type="button"
            class="oc-icon-button"
            aria-label={t.downloadTranscript}
            title={t.downloadTranscript}
            onClick={(event) => {
              const doc = (event.currentTarget as HTMLElement).ownerDocument;
              const text = transcriptText(messages, { team: settings.teamName, visitor: t.you }, locale);
              downloadText(doc, `transcript-${conversationId ?? "new"}.txt`, text);
              controller.transcriptExported();
            }}
          >
            <DownloadIcon />
          </button>
        )}
        <HideButton onClose={props.onClose} />
      </div>
      {server.status === "error" ? (
        <p class="oc-note" role="alert">
          {t.messagesFailed}{" "}
          <button type="button" class="oc-link" onClick={retry}>
            {t.tryAgain}
          </button>
        </p>
      ) : (
        <BotActionsContext.Provider value={botActions}>
          <MessageLog
            messages={messages}
            teamName={settings.teamName}
            onRetry={controller.retry}
            seen={seen}
            typing={team.typing ?? (botTyping ? { name: t.bot } : null)}
          />
        </BotActionsContext.Provider>
      )}
      {botActive && conversationId && (
        <button
          type="button"
          class="oc-link oc-talk-to-person"
          onClick={() =>
            void controller
              .mutate(backend.bots.talkToPerson, { conversationId })
              .catch(() => undefined)
          }
        >
          {t.bots.talkToPerson}
        </button>
      )}
      {!availability.online && panelSettings.offlineMessage && (
        <p class="oc-offline">{panelSettings.offlineMessage}</p>
      )}
      {capture === "shown" && (
        // Its own chunk: only anonymous visitors writing while the team is away see it.
        <Lazy
          name="email-capture"
          load={loadEmailCapture}
          addStyles={props.addStyles}
          props={{ controller, onSkip: () => setCapture("skipped") }}
        />
      )}
      <Composer
        {...(props.draft !== undefined ? { initialText: props.draft } : {})}
        onSend={(body, files) => controller.send(conversationKey, body, files)}
        attachments={attachments}
        onTyping={reportTyping}
        retryAt={retryAt}
        addStyles={props.addStyles}
      />
      {dragging && (
        <p class="oc-dropzone" aria-hidden="true">
          {t.dropFiles}
        </p>
      )}
    </div>
  );
}
