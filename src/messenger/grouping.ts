import { isSameDay } from "./format";
import type { DisplayMessage } from "./merge";

export interface MessageGroup {
  key: string;
  senderType: DisplayMessage["senderType"];
  senderName?: string;
  senderAvatarUrl?: string;
  /** The first group of a calendar day: render a day divider above it. */
  startsDay: boolean;
  messages: DisplayMessage[];
}

/** Messages from one sender more than this far apart start a new group (and timestamp). */
export const GROUP_GAP_MS = 5 * 60_000;

/** Consecutive messages from the same sender, on the same day and close in time, share a group. */
export function groupMessages(messages: readonly DisplayMessage[]): MessageGroup[] {
  const groups: MessageGroup[] = [];
  let previous: DisplayMessage | undefined;
  for (const message of messages) {
    const current = groups[groups.length - 1];
    const newDay = !previous || !isSameDay(previous.createdAt, message.createdAt);
    const sameSender =
      previous !== undefined &&
      previous.senderType === message.senderType &&
      previous.senderName === message.senderName &&
      message.createdAt - previous.createdAt <= GROUP_GAP_MS;
    if (current && sameSender && !newDay) {
      current.messages.push(message);
    } else {
      const group: MessageGroup = { key: message.key, senderType: message.senderType, startsDay: newDay, messages: [message] };
      if (message.senderName !== undefined) group.senderName = message.senderName;
      if (message.senderAvatarUrl !== undefined) group.senderAvatarUrl = message.senderAvatarUrl;
      groups.push(group);
    }
    previous = message;
  }
  return groups;
}
