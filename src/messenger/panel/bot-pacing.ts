import { useEffect, useRef, useState } from "preact/hooks";
import type { DisplayMessage } from "../merge";

/**
 * When a bot message shows: at its `showAt`, but never later than its delay
 * after this tab first saw it, so a visitor whose clock runs behind the
 * server's is not kept waiting (and one whose clock runs ahead sees it early).
 */
export function dueAt(message: DisplayMessage, firstSeen: number): number {
  if (message.bot === undefined) return 0;
  return Math.min(
    message.bot.showAt,
    firstSeen + Math.max(0, message.bot.showAt - message.createdAt),
  );
}

/**
 * Plays a bot's responses one after another, each after its delay: hides what
 * is not due yet (and every bot or system line after it, to keep the order)
 * and says whether the bot is "typing" meanwhile. Re-renders when the next is due.
 */
export function useBotPacing(messages: DisplayMessage[]): {
  shown: DisplayMessage[];
  botTyping: boolean;
} {
  const firstSeen = useRef(new Map<string, number>());
  const [, setTick] = useState(0);
  const now = Date.now();
  let waiting: number | null = null;
  const shown = messages.filter((message) => {
    if (message.bot !== undefined && !firstSeen.current.has(message.key))
      firstSeen.current.set(message.key, now);
    if (waiting !== null) return message.senderType === "visitor";
    const due = dueAt(message, firstSeen.current.get(message.key) ?? now);
    if (due <= now) return true;
    waiting = due;
    return false;
  });
  const nextDue: number | null = waiting;
  useEffect(() => {
    if (nextDue === null) return;
    const timer = setTimeout(
      () => setTick((tick) => tick + 1),
      Math.max(0, nextDue - Date.now()) + 10,
    );
    return () => clearTimeout(timer);
  }, [nextDue]);
  return {
    shown: nextDue === null ? messages : shown,
    botTyping: nextDue !== null,
  };
}
