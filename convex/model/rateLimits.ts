import { MINUTE, RateLimiter, SECOND, type RateLimitConfig } from "@convex-dev/rate-limiter";
import { components } from "../_generated/api";
import type { ActionCtx, MutationCtx } from "../_generated/server";
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

/** For the REST layer, which answers 429 rather than throwing: ms to wait, or null when allowed. */
export async function restRetryAfter(ctx: ActionCtx, apiKeyId: string): Promise<number | null> {
  const status = await rateLimiter.limit(ctx, "restApi", { key: apiKeyId });
  return status.ok ? null : status.retryAfter;
}
