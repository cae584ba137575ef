import { logError } from "../sdk/log";
import { backoffMs, readAppError } from "./errors";
import type { Outbox, OutboxEntry } from "./outbox";
import { isLocalKey } from "./outbox";
import { DestroyedError } from "./timers";

export interface OutboxSenderDeps {
  outbox: Outbox;
  /** Sends one message; resolves with the conversation it landed in. */
  send(args: { conversationId?: string; body: string; clientMessageId: string; attachmentIds?: string[] }): Promise<{ conversationId: string }>;
  sleep(ms: number): Promise<void>;
  onFailed?(entry: OutboxEntry, message: string): void;
  now?: () => number;
  /** 0..1; the share of RATE_LIMIT_JITTER_MS added to a rate-limited wait. */
  random?: () => number;
}

/** Server errors without a code are retried this many times before the visitor sees "Retry". */
const MAX_UNEXPLAINED_ATTEMPTS = 3;
/**
 * Added to the server's `retryAfter`: the rate limiter's bucket refills at that exact
 * moment, and arriving a hair early would earn another refusal; tabs of one visitor also
 * spread out instead of retrying in lockstep.
 */
const RATE_LIMIT_JITTER_MS = 250;
const DEFAULT_RATE_LIMIT_WAIT_MS = 5_000;

/**
 * Delivers the outbox one message at a time, oldest first, so messages arrive in the order
 * they were written and a new conversation is created exactly once (its first message
 * returns the id the following ones need). Retrying is safe: the server deduplicates by
 * clientMessageId.
 */
export function createOutboxSender(deps: OutboxSenderDeps): { pump(): void; stop(): void } {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
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
          ...(entry.attachments ? { attachmentIds: entry.attachments.map((file) => file.uploadId) } : {}),
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
        if (info?.code === "RATE_LIMITED") {
          // The same entry (same clientMessageId) goes again, so the retry is idempotent;
          // retryAt lets the composer say "sending too fast" with a countdown meanwhile.
          const wait = (info.retryAfter ?? DEFAULT_RATE_LIMIT_WAIT_MS) + Math.round(random() * RATE_LIMIT_JITTER_MS);
          deps.outbox.markQueued(entry.clientMessageId, now() + wait);
          await deps.sleep(wait);
        } else {
          deps.outbox.markQueued(entry.clientMessageId);
          await deps.sleep(backoffMs(attempt));
        }
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
