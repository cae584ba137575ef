import { formatClock } from "../format";
import type { MessageGroup } from "../grouping";
import type { DisplayMessage } from "../merge";
import { Avatar } from "./avatar";
import { useI18n, useT } from "./i18n";
import { MessageAttachments } from "./message-attachments";
import { MessageBody } from "./message-body";
import { BotMessage } from "./bot-message";

export interface MessageGroupViewProps {
  group: MessageGroup;
  teamName: string;
  onRetry(clientMessageId: string): void;
}

/** Consecutive messages of one sender: name and avatar once, bubbles, then the time. */
export function MessageGroupView({ group, teamName, onRetry }: MessageGroupViewProps) {
  const { t, locale } = useI18n();
  if (group.senderType === "system") {
    return (
      <>
        {group.messages.map((message) => (
          <p class="oc-system" key={message.key}>
            {message.body}
          </p>
        ))}
      </>
    );
  }
  const mine = group.senderType === "visitor";
  const name = mine ? t.you : (group.senderName ?? (group.senderType === "bot" ? t.bot : teamName));
  const last = group.messages[group.messages.length - 1];
  return (
    <div class={mine ? "oc-group oc-mine" : "oc-group oc-theirs"}>
      {!mine && <Avatar name={name} url={group.senderAvatarUrl} />}
      <div class="oc-group-body">
        <p class={mine ? "oc-visually-hidden" : "oc-sender"}>{name}</p>
        {group.messages.map((message) => (
          <Bubble key={message.key} message={message} onRetry={onRetry} />
        ))}
        {last && last.delivery !== "failed" && (
          <p class="oc-meta">
            {last.delivery === "sending" ? (
              t.sending
            ) : (
              <time dateTime={new Date(last.createdAt).toISOString()}>{formatClock(last.createdAt, locale)}</time>
            )}
          </p>
        )}
      </div>
    </div>
  );
}

function Bubble({ message, onRetry }: { message: DisplayMessage; onRetry(clientMessageId: string): void }) {
  const t = useT();
  const { clientMessageId, bot } = message;
  if (bot !== undefined) return <BotMessage message={{ ...message, bot }} />;
  return (
    <>
      {(message.body !== "" || !message.attachments) && <MessageBody body={message.body} class={`oc-${message.delivery}`} />}
      {message.attachments && <MessageAttachments files={message.attachments} />}
      {message.delivery === "failed" && clientMessageId !== undefined && (
        <p class="oc-failure">
          <span title={message.error}>{t.notDelivered}</span>
          <button type="button" class="oc-link" onClick={() => onRetry(clientMessageId)}>
            {t.retry}
          </button>
        </p>
      )}
    </>
  );
}
