import { internal } from "../_generated/api";
import { internalMutation } from "../_generated/server";
import { settleAttempt } from "./queue";

/* Upkeep of the delivery queue, run by crons.ts. */

const SWEEP_GRACE_MS = 60_000;
const RETENTION_MS = 30 * 24 * 3600_000;
const BATCH = 200;

/**
 * Cron: an attempt whose action died before reporting (a crash, a deploy, a
 * restart of the local backend) would stay in flight forever; once it is past
 * its timeout and a grace period, it counts as a failed attempt and retries.
 */
export const sweepLost = internalMutation({
  args: {},
  handler: async (ctx): Promise<number> => {
    const now = Date.now();
    const stale = await ctx.db
      .query("deliveries")
      .withIndex("by_status_updated", (q) => q.eq("status", "in_flight").lt("updatedAt", now - SWEEP_GRACE_MS))
      .take(BATCH);
    let swept = 0;
    for (const delivery of stale) {
      if (delivery.updatedAt + delivery.policy.timeoutMs + SWEEP_GRACE_MS > now) continue;
      await settleAttempt(ctx, delivery, {
        attempt: delivery.attempts,
        startedAt: delivery.updatedAt,
        latencyMs: now - delivery.updatedAt,
        outcome: { kind: "retryable", error: "The attempt was lost before it reported (the sender stopped).", retryAfterMs: null },
        jitter: 0.5,
        responseBody: null,
      });
      swept += 1;
    }
    return swept;
  },
});

/** Cron: settled deliveries, their attempts and old events go after 30 days, a batch at a time. */
export const purgeSettled = internalMutation({
  args: {},
  handler: async (ctx): Promise<number> => {
    const cutoff = Date.now() - RETENTION_MS;
    let removed = 0;
    for (const status of ["succeeded", "dead"] as const) {
      const old = await ctx.db
        .query("deliveries")
        .withIndex("by_status_updated", (q) => q.eq("status", status).lt("updatedAt", cutoff))
        .take(BATCH);
      for (const delivery of old) {
        const attempts = await ctx.db
          .query("deliveryAttempts")
          .withIndex("by_delivery", (q) => q.eq("deliveryId", delivery._id))
          .collect();
        for (const attempt of attempts) await ctx.db.delete("deliveryAttempts", attempt._id);
        await ctx.db.delete("deliveries", delivery._id);
        removed += 1;
      }
    }
    const events = await ctx.db
      .query("webhookEvents")
      .withIndex("by_created", (q) => q.lt("createdAt", cutoff))
      .take(BATCH);
    for (const event of events) await ctx.db.delete("webhookEvents", event._id);
    if (removed + events.length > 0) await ctx.scheduler.runAfter(0, internal.outgoing.maintenance.purgeSettled, {});
    return removed;
  },
});
