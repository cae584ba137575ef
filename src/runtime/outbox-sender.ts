import { logError } from "../sdk/log";
import { backoffMs, readAppError } from "./errors";
import type { Outbox, OutboxEntry } from "./outbox";
import { isLocalKey } from "./outbox";
import { DestroyedError } from "./timers";

export interface OutboxSenderDeps {
  outbox: Outbox;
  /** Sends one message; resolves with the conversation it landed in. */
  send(args: { conversationId?: string; body: string; clientMessageId: string }): Promise<{ conversationId: string }>;
  sleep(ms: number): Promise<void>;
  onFailed?(entry: OutboxEntry, message: string): void;
}

/** Server errors without a code are retried this many times before the visitor sees "Retry". */
const MAX_UNEXPLAINED_ATTEMPTS = 3;

/**
 * Delivers the outbox one message at a time, oldest first, so messages arrive in the order
 * they were written and a new conversation is created exactly once (its first message
 * returns the id the following ones need). Retrying is safe: the server deduplicates by
 * clientMessageId.
 */
export function createOutboxSender(deps: OutboxSenderDeps): { pump(): void; stop(): void } {
  let running = false;
  let stopped = false;

  async function deliver(entry: OutboxEntry): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      deps.outbox.markSending(entry.clientMessageId);
      try {
        const target = deps.outbox.resolve(entry.conversationKey);
        const { conversationId } = await deps.send({
          ...(isLocalKey(target) ? {} : { conversationId: target }),
          body: entry.body,
          clientMessageId: entry.clientMessageId,
        });
        deps.outbox.markSent(entry.clientMessageId, conversationId);
        return;
      } catch (error) {
        if (stopped || error instanceof DestroyedError) throw new DestroyedError();
        const info = readAppError(error);
        const retryable =
          info?.code === "RATE_LIMITED" ||
          info?.code === "UNAUTHENTICATED" ||
          (info === null && attempt + 1 < MAX_UNEXPLAINED_ATTEMPTS);
        if (!retryable) {
          const message = info?.message ?? "The message could not be sent.";
          deps.outbox.markFailed(entry.clientMessageId, message);
          deps.onFailed?.(entry, message);
          return;
        }
        deps.outbox.markQueued(entry.clientMessageId);
        await deps.sleep(info?.code === "RATE_LIMITED" ? (info.retryAfter ?? 5_000) : backoffMs(attempt));
      }
    }
  }

  async function run(): Promise<void> {
    running = true;
    try {
      for (let entry = deps.outbox.nextToSend(); entry && !stopped; entry = deps.outbox.nextToSend()) {
        await deliver(entry);
      }
    } catch (error) {
      if (!(error instanceof DestroyedError)) logError("message delivery stopped unexpectedly", error);
    } finally {
      running = false;
    }
  }

  return {
    pump() {
      if (!running && !stopped) void run();
    },
    stop() {
      stopped = true;
    },
  };
}
