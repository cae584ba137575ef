import type { Outbox, OutboxAttachment } from "./outbox";
import type { DeliveryDeps, OutboxDelivery } from "./outbox-delivery";
import { readJson } from "./storage";

export type { DeliveryDeps } from "./outbox-delivery";

/**
 * The one path of a visitor's message (outbox-delivery.ts), loaded on first need: most page
 * views never open the messenger, so the outbox's code is not fetched before it opens,
 * unless a message from an earlier page load is still waiting to be sent.
 */
export interface Delivery {
  /** The outbox the panel renders; loads the delivery's code if it has not loaded yet. */
  loadOutbox(): Promise<Outbox>;
  send(conversationKey: string, body: string, attachments?: OutboxAttachment[]): void;
  retry(clientMessageId: string): void;
  /** The visitor's unsent messages live under `storageKey` (known once boot has answered). */
  attach(storageKey: string): void;
  /** Delivers whatever is queued (after boot, after a reconnect). */
  pump(): void;
  /** Logout: forgets every unsent message. */
  discard(): void;
  stop(): void;
}

type LoadDelivery = () => Promise<{ createOutboxDelivery(deps: DeliveryDeps): OutboxDelivery }>;

/** An earlier page load left messages under `key` (entries are checked when the outbox loads them). */
function hasStoredMessages(deps: DeliveryDeps, key: string): boolean {
  const stored = readJson(deps.storage, key);
  return Array.isArray(stored) && stored.length > 0;
}

export function createDelivery(deps: DeliveryDeps, load: LoadDelivery = () => import("./outbox-delivery")): Delivery {
  let loading: Promise<OutboxDelivery> | null = null;
  let loaded: OutboxDelivery | null = null;
  let storageKey: string | null = null;
  let stopped = false;

  const ensure = (): Promise<OutboxDelivery> =>
    (loading ??= load().then(({ createOutboxDelivery }) => {
      const delivery = createOutboxDelivery(deps);
      if (storageKey !== null) delivery.attach(storageKey);
      if (stopped) delivery.stop();
      loaded = delivery;
      return delivery;
    }));
  /** Runs `action` once loaded; a chunk that cannot load fails the message visibly. */
  const withDelivery = (action: (delivery: OutboxDelivery) => void) => {
    if (loaded) return action(loaded);
    ensure().then(action, () => deps.onFailed("The messenger could not load what it needs to send; check the connection and try again."));
  };

  return {
    loadOutbox: () => ensure().then((delivery) => delivery.outbox),
    send: (conversationKey, body, attachments) => withDelivery((delivery) => delivery.send(conversationKey, body, attachments)),
    retry: (clientMessageId) => withDelivery((delivery) => delivery.retry(clientMessageId)),
    attach(key) {
      storageKey = key;
      if (loaded) loaded.attach(key);
      else if (hasStoredMessages(deps, key)) withDelivery((delivery) => delivery.pump());
    },
    pump: () => loaded?.pump(),
    discard() {
      if (loaded) loaded.outbox.discard();
      else if (storageKey !== null) deps.storage.remove(storageKey);
    },
    stop() {
      stopped = true;
      loaded?.stop();
    },
  };
}
