import type { OutboxEntry } from "../runtime/outbox";
import type { OutboxAttachment } from "../runtime/outbox";
import type { ServerAttachment, ServerMessage } from "./wire";

/** A file on a bubble: from the server (with a URL), or still in the outbox (name only). */
export type DisplayAttachment = Omit<ServerAttachment, "url"> & { url: string | null; uploadId?: string };

export type SenderType = ServerMessage["senderType"];

/** One bubble as the conversation view shows it. */
export interface DisplayMessage {
  /** Stable across the optimistic → server switch, so the bubble is not re-created. */
  key: string;
  senderType: SenderType;
  senderName?: string;
  senderAvatarUrl?: string;
  body: string;
  createdAt: number;
  delivery: "delivered" | "sending" | "failed";
  clientMessageId?: string;
  error?: string;
  attachments?: DisplayAttachment[];
  /** A bot's rich response; `messageId` names it when the visitor picks one of its choices. */
  bot?: { messageId: string; response: unknown; showAt: number; answered: boolean };
}

/**
 * The server's messages plus the visitor's not-yet-confirmed ones. A message appears once:
 * the server copy (matched by clientMessageId) replaces the optimistic bubble, and
 * duplicated server rows (same _id or clientMessageId) are dropped. Unconfirmed messages
 * go last, in the order written, since the server will stamp them later than anything it
 * already has.
 */
export function mergeMessages(
  server: readonly ServerMessage[] | undefined,
  pending: readonly OutboxEntry[],
): DisplayMessage[] {
  const seenIds = new Set<string>();
  const seenClientIds = new Set<string>();
  const confirmed: DisplayMessage[] = [];
  for (const message of server ?? []) {
    if (seenIds.has(message._id)) continue;
    if (message.clientMessageId !== undefined && seenClientIds.has(message.clientMessageId)) continue;
    seenIds.add(message._id);
    const display: DisplayMessage = {
      key: message.clientMessageId ?? message._id,
      senderType: message.senderType,
      body: message.body,
      createdAt: message.createdAt,
      delivery: "delivered",
    };
    if (message.clientMessageId !== undefined) {
      seenClientIds.add(message.clientMessageId);
      display.clientMessageId = message.clientMessageId;
    }
    if (message.senderName !== undefined) display.senderName = message.senderName;
    if (message.senderAvatarUrl !== undefined) display.senderAvatarUrl = message.senderAvatarUrl;
    if (message.attachments?.length) display.attachments = message.attachments;
    if (message.bot !== undefined) display.bot = { messageId: message._id, ...message.bot };
    confirmed.push(display);
  }
  confirmed.sort((a, b) => a.createdAt - b.createdAt);

  const unconfirmed = pending
    .filter((entry) => !seenClientIds.has(entry.clientMessageId))
    .map((entry): DisplayMessage => {
      const display: DisplayMessage = {
        key: entry.clientMessageId,
        senderType: "visitor",
        body: entry.body,
        createdAt: entry.createdAt,
        delivery: entry.status === "failed" ? "failed" : entry.status === "sent" ? "delivered" : "sending",
        clientMessageId: entry.clientMessageId,
      };
      if (entry.error !== undefined) display.error = entry.error;
      if (entry.attachments?.length) display.attachments = entry.attachments.map(pendingAttachment);
      return display;
    });
  return [...confirmed, ...unconfirmed];
}

function pendingAttachment({ uploadId, name, contentType, size }: OutboxAttachment): DisplayAttachment {
  return { uploadId, name, contentType, size, url: null };
}
