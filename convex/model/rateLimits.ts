import { MINUTE, RateLimiter, SECOND, type RateLimitConfig } from "@convex-dev/rate-limiter";
import { components } from "../_generated/api";
import type { ActionCtx, MutationCtx } from "../_generated/server";
import { callerAddressKey } from "../lib/clientAddress";
import { rateLimitedError } from "../lib/errors";

/**
 * Every rate limit of the app, in one place (component: @convex-dev/rate-limiter,
 * installed in convex.config.ts). Token buckets: `capacity` is the burst, `rate`
 * per `period` the sustained pace.
 */
export const RATE_LIMITS = {
  /** Boots per (workspace, sessionId): a reload loop or a script can't mint sessions endlessly. */
  widgetBoot: { kind: "token bucket", rate: 10, period: MINUTE },
  /** Messages per visitor, short term: 5 at once, then one a second… */
  messageBurst: { kind: "token bucket", rate: 1, period: SECOND, capacity: 5 },
  /** …and at most 20 a minute over time. Both limits apply to every message. */
  messageSustained: { kind: "token bucket", rate: 20, period: MINUTE },
  /** identify calls per visitor. */
  identify: { kind: "token bucket", rate: 10, period: MINUTE },
  /** REST admin API calls per API key: 2 a second sustained, bursts of up to 120. */
  restApi: { kind: "token bucket", rate: 120, period: MINUTE, capacity: 120 },
  /** Widget configuration writes (create, change, delete, purge) per API key or OAuth client. */
  widgetConfigWrites: { kind: "token bucket", rate: 30, period: MINUTE, capacity: 10 },
  /** Events (`events:track`, page views included) per visitor. */
  events: { kind: "token bucket", rate: 60, period: MINUTE, capacity: 60 },
  /** Checklist progress events (`checklists:recordEvent`) per visitor. */
  checklistEvents: { kind: "token bucket", rate: 30, period: MINUTE, capacity: 30 },

  // Per client address (lib/clientAddress.ts): one machine or network cannot get
  // around the limits above by making new sessions, visitors or keys.
  /** Every boot from one address. */
  bootsPerAddress: { kind: "token bucket", rate: 120, period: MINUTE, capacity: 120 },
  /** New visitors (boots with a sessionId never seen) from one address. */
  newVisitorsPerAddress: { kind: "token bucket", rate: 30, period: MINUTE, capacity: 30 },
  /** Visitor messages from one address, whichever visitors send them. */
  messagesPerAddress: { kind: "token bucket", rate: 60, period: MINUTE, capacity: 60 },
  /** Events and checklist events from one address. */
  eventsPerAddress: { kind: "token bucket", rate: 300, period: MINUTE, capacity: 300 },
  /** Upload URLs from one address. */
  uploadsPerAddress: { kind: "token bucket", rate: 30, period: MINUTE, capacity: 30 },
  /** REST requests with a missing, unknown or revoked API key from one address. */
  badApiKeysPerAddress: { kind: "token bucket", rate: 20, period: MINUTE, capacity: 20 },
} satisfies Record<string, RateLimitConfig>;

export type RateLimitName = keyof typeof RATE_LIMITS;

export const rateLimiter = new RateLimiter(components.rateLimiter, RATE_LIMITS);

/**
 * Consumes one unit of `name` for `key`, or throws RATE_LIMITED with
 * `retryAfter` (ms). In a mutation the consumption rolls back with any later
 * failure; in an action it is committed at once.
 */
export async function enforceRateLimit(ctx: MutationCtx | ActionCtx, name: RateLimitName, key: string): Promise<void> {
  const status = await rateLimiter.limit(ctx, name, { key });
  if (!status.ok) throw rateLimitedError(status.retryAfter);
}

/**
 * Consumes one unit of a per-address limit for the caller's address; no-op for calls
 * without one (scheduled functions, the machine itself: see lib/clientAddress.ts).
 */
export async function enforceAddressLimit(ctx: MutationCtx | ActionCtx, name: RateLimitName): Promise<void> {
  const address = await callerAddressKey(ctx);
  if (address !== null) await enforceRateLimit(ctx, name, address);
}

/**
 * REST requests with bad keys: before authenticating, whether this address is
 * already out of tries (ms to wait, or null); after a refusal, `consume` counts it.
 */
export async function badApiKeyRetryAfter(ctx: ActionCtx, consume: boolean): Promise<number | null> {
  const address = await callerAddressKey(ctx);
  if (address === null) return null;
  const status = consume
    ? await rateLimiter.limit(ctx, "badApiKeysPerAddress", { key: address })
    : await rateLimiter.check(ctx, "badApiKeysPerAddress", { key: address });
  return status.ok ? null : status.retryAfter;
}

/** For the REST layer, which answers 429 rather than throwing: ms to wait, or null when allowed. */
export async function restRetryAfter(ctx: ActionCtx, apiKeyId: string): Promise<number | null> {
  return await retryAfterFor(ctx, "restApi", apiKeyId);
}

/** A named limit for the REST layer, which answers 429 rather than throwing: ms to wait, or null when allowed. */
export async function retryAfterFor(ctx: ActionCtx, name: RateLimitName, key: string): Promise<number | null> {
  const status = await rateLimiter.limit(ctx, name, { key });
  return status.ok ? null : status.retryAfter;
}
