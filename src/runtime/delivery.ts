import { backend } from "./functions";
import type { Gateway } from "./gateway";
import { createOutbox, type Outbox, type OutboxAttachment } from "./outbox";
import { createOutboxSender } from "./outbox-sender";
import type { KeyValueStore } from "./storage";
import type { Timers } from "./timers";
import { wire } from "./wire";

export interface DeliveryDeps {
  storage: KeyValueStore;
  gateway: Gateway;
  timers: Timers;
  /**
   * Delivery waits for boot: the outbox must first load what earlier page loads left
   * unsent (attach), or a newer message could overtake an older one.
   */
  isReady(): boolean;
  /** The server stored a message (engagement hears of it: "send a message" checklist tasks). */
  onSent(): void;
  /** A message will not be sent without the visitor's say (shown with "Retry"). */
  onFailed(message: string): void;
}

/** The one path of a visitor's message: written, kept, sent in order, confirmed. */
export interface Delivery {
  /** What the visitor wrote and the server has not confirmed yet (the panel renders it). */
  readonly outbox: Outbox;
  send(conversationKey: string, body: string, attachments?: OutboxAttachment[]): void;
  retry(clientMessageId: string): void;
  /** Loads the visitor's unsent messages from `storageKey` (before the first pump after boot). */
  attach(storageKey: string): void;
  /** Delivers whatever is queued (after boot, after a reconnect). */
  pump(): void;
  stop(): void;
}

/**
 * A visitor's message goes outbox → sender → gateway (`messages:send`, with the session
 * token) → parsed answer, all here: nothing above this module sees a half-sent message.
 */
export function createDelivery(deps: DeliveryDeps): Delivery {
  const outbox = createOutbox(deps.storage);
  const sender = createOutboxSender({
    outbox,
    send: async (args) => {
      const result = wire.send(await deps.gateway.mutate(backend.messages.send, args));
      deps.onSent();
      return result;
    },
    sleep: (ms) => deps.timers.sleep(ms),
    onFailed: (_entry, message) => deps.onFailed(message),
  });
  const pump = () => {
    if (deps.isReady()) sender.pump();
  };
  return {
    outbox,
    send(conversationKey, body, attachments) {
      outbox.add(conversationKey, body, attachments);
      pump();
    },
    retry(clientMessageId) {
      outbox.retry(clientMessageId);
      pump();
    },
    attach: (storageKey) => outbox.attach(storageKey),
    pump,
    stop: () => sender.stop(),
  };
}
