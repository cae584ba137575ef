import { Fragment } from "preact";
import { useLayoutEffect, useMemo, useRef } from "preact/hooks";
import { formatDay } from "../format";
import { groupMessages } from "../grouping";
import type { DisplayMessage } from "../merge";
import { useI18n } from "./i18n";
import { MessageGroupView } from "./message-group";

export interface MessageLogProps {
  messages: DisplayMessage[];
  teamName: string;
  onRetry(clientMessageId: string): void;
  /** An agent has read past the visitor's last message: "Seen" under it. */
  seen?: boolean;
  /** Someone on the team is typing (a name when the agent gave one). */
  typing?: { name: string | null } | null;
}

/** Pixels from the bottom within which the log keeps following new messages. */
const FOLLOW_THRESHOLD = 64;

/**
 * The message history (`role="log"`, which screen readers announce politely as it grows).
 * Follows new messages unless the visitor has scrolled up to read older ones; their own
 * new message always brings them back down.
 */
export function MessageLog({ messages, teamName, onRetry, seen = false, typing = null }: MessageLogProps) {
  const { t, locale } = useI18n();
  const groups = useMemo(() => groupMessages(messages), [messages]);
  const logRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const last = messages[messages.length - 1];

  useLayoutEffect(() => {
    const log = logRef.current;
    if (!log) return;
    if (following.current || (last?.senderType === "visitor" && last.delivery === "sending")) {
      log.scrollTop = log.scrollHeight;
    }
  }, [messages, typing !== null]);

  const onScroll = () => {
    const log = logRef.current;
    if (log) following.current = log.scrollHeight - log.scrollTop - log.clientHeight < FOLLOW_THRESHOLD;
  };
  const now = Date.now();

  return (
    <div ref={logRef} class="oc-log" role="log" aria-label={t.conversationLog} tabIndex={0} onScroll={onScroll}>
      {messages.length === 0 && (
        <p class="oc-intro">
          <strong>{teamName}</strong>
          {t.startHint}
        </p>
      )}
      {groups.map((group) => (
        <Fragment key={group.key}>
          {group.startsDay && (
            <p class="oc-day">{formatDay(group.messages[0]?.createdAt ?? now, now, t, locale)}</p>
          )}
          <MessageGroupView group={group} teamName={teamName} onRetry={onRetry} />
        </Fragment>
      ))}
      {seen && last?.senderType === "visitor" && <p class="oc-seen">{t.seen}</p>}
      {typing && (
        <p class="oc-typing">
          <span class="oc-typing-dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {t.typing(typing.name)}
        </p>
      )}
    </div>
  );
}
