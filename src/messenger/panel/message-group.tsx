import { formatClock } from "../format";
import type { MessageGroup } from "../grouping";
import type { DisplayMessage } from "../merge";
import { strings } from "../strings";
import { Avatar } from "./avatar";

export interface MessageGroupViewProps {
  group: MessageGroup;
  teamName: string;
  onRetry(clientMessageId: string): void;
}

/** Consecutive messages of one sender: name and avatar once, bubbles, then the time. */
export function MessageGroupView({ group, teamName, onRetry }: MessageGroupViewProps) {
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
  const name = mine ? strings.you : (group.senderName ?? (group.senderType === "bot" ? strings.bot : teamName));
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
              strings.sending
            ) : (
              <time dateTime={new Date(last.createdAt).toISOString()}>{formatClock(last.createdAt)}</time>
            )}
          </p>
        )}
      </div>
    </div>
  );
}

function Bubble({ message, onRetry }: { message: DisplayMessage; onRetry(clientMessageId: string): void }) {
  const { clientMessageId } = message;
  return (
    <>
      {/* Text only: message bodies are rendered as text nodes, never as HTML. */}
      <p class={`oc-bubble oc-${message.delivery}`}>{message.body}</p>
      {message.delivery === "failed" && clientMessageId !== undefined && (
        <p class="oc-failure">
          <span title={message.error}>{strings.notDelivered}</span>
          <button type="button" class="oc-link" onClick={() => onRetry(clientMessageId)}>
            {strings.retry}
          </button>
        </p>
      )}
    </>
  );
}
