import { v } from "convex/values";
import { boundedPage, mapPage } from "../lib/pages";
import { paginationOptsValidator, type PaginationResult } from "convex/server";
import type { Id } from "../_generated/dataModel";
import { internalMutation, internalQuery } from "../_generated/server";
import {
  deliveryKindValidator,
  deliveryPolicyValidator,
  deliveryStatusValidator,
  headerValidator,
  secretPartValidator,
  signingValidator,
} from "../lib/outgoingTables";
import { enqueueDelivery, retryDead, settleAttempt } from "./queue";
import { deliveryDetail, deliveryView, type DeliveryDetail, type DeliveryView } from "./views";

/*
 * The one outgoing-call module's functions. Integrations queue a call with
 * `enqueue` (or enqueueDelivery from their own mutation); the scheduled action
 * outgoing/send:attempt claims it, sends it and reports here with `record`,
 * which logs the attempt and decides: done, retry later, or dead.
 */

export const enqueue = internalMutation({
  args: {
    workspaceId: v.id("workspaces"),
    kind: deliveryKindValidator,
    url: v.string(),
    body: v.string(),
    policy: deliveryPolicyValidator,
    method: v.optional(v.union(v.literal("POST"), v.literal("PUT"), v.literal("GET"))),
    headers: v.optional(v.array(headerValidator)),
    secretParts: v.optional(v.array(secretPartValidator)),
    signing: v.optional(signingValidator),
    sourceId: v.optional(v.string()),
    topic: v.optional(v.string()),
    orderingKey: v.optional(v.string()),
    idempotencyKey: v.optional(v.string()),
    onComplete: v.optional(v.string()),
  },
  handler: async (ctx, args): Promise<Id<"deliveries">> => await enqueueDelivery(ctx, args),
});

/** What the sender needs for one attempt; null when the delivery is not due (settled, or already claimed). */
export const claim = internalMutation({
  args: { deliveryId: v.id("deliveries") },
  handler: async (ctx, { deliveryId }) => {
    const delivery = await ctx.db.get("deliveries", deliveryId);
    if (delivery === null || (delivery.status !== "queued" && delivery.status !== "failed")) return null;
    const now = Date.now();
    const attempt = delivery.attempts + 1;
    await ctx.db.patch("deliveries", deliveryId, { status: "in_flight", attempts: attempt, updatedAt: now });
    const { method, url, headers, body, policy, kind } = delivery;
    return {
      attempt,
      kind,
      method,
      url,
      headers,
      body,
      timeoutMs: policy.timeoutMs,
      secretParts: delivery.secretParts ?? [],
      signing: delivery.signing ?? null,
    };
  },
});

const outcomeValidator = v.union(
  v.object({ kind: v.literal("success"), statusCode: v.number() }),
  v.object({
    kind: v.literal("retryable"),
    statusCode: v.optional(v.number()),
    error: v.string(),
    retryAfterMs: v.union(v.number(), v.null()),
  }),
  v.object({ kind: v.literal("permanent"), statusCode: v.optional(v.number()), error: v.string() }),
);

/** The sender's report of one attempt (see settleAttempt). */
export const record = internalMutation({
  args: {
    deliveryId: v.id("deliveries"),
    attempt: v.number(),
    startedAt: v.number(),
    latencyMs: v.number(),
    outcome: outcomeValidator,
    /** Drawn by the action: Math.random is seeded in mutations. */
    jitter: v.number(),
    responseBody: v.union(v.string(), v.null()),
  },
  handler: async (ctx, args): Promise<null> => {
    const delivery = await ctx.db.get("deliveries", args.deliveryId);
    // Only the attempt that claimed it may settle it (a swept, re-claimed delivery ignores a late report).
    if (delivery === null || delivery.status !== "in_flight" || delivery.attempts !== args.attempt) return null;
    await settleAttempt(ctx, delivery, args);
    return null;
  },
});

/** An operator's retry of a dead delivery; any other status is left as it is. Null unless the workspace owns it. */
export const retry = internalMutation({
  args: { workspaceId: v.id("workspaces"), deliveryId: v.string() },
  handler: async (ctx, args): Promise<DeliveryView | null> => {
    const id = ctx.db.normalizeId("deliveries", args.deliveryId);
    const delivery = id === null ? null : await ctx.db.get("deliveries", id);
    if (delivery === null || delivery.workspaceId !== args.workspaceId) return null;
    if (delivery.status === "dead") await retryDead(ctx, delivery);
    const updated = await ctx.db.get("deliveries", delivery._id);
    return updated === null ? null : deliveryView(updated);
  },
});

/** The log of one integration object (a subscription, a connection, a gateway), newest first. */
export const listForSource = internalQuery({
  args: {
    workspaceId: v.id("workspaces"),
    sourceId: v.string(),
    status: v.optional(deliveryStatusValidator),
    paginationOpts: paginationOptsValidator,
  },
  handler: async (ctx, args): Promise<PaginationResult<DeliveryView>> => {
    const { status } = args;
    const query =
      status === undefined
        ? ctx.db
            .query("deliveries")
            .withIndex("by_workspace_source", (q) => q.eq("workspaceId", args.workspaceId).eq("sourceId", args.sourceId))
        : ctx.db
            .query("deliveries")
            .withIndex("by_workspace_source_status", (q) =>
              q.eq("workspaceId", args.workspaceId).eq("sourceId", args.sourceId).eq("status", status),
            );
    return await mapPage(await query.order("desc").paginate(boundedPage(args.paginationOpts)), deliveryView);
  },
});

/** One delivery with its body and per-attempt log; null unless the workspace owns it. */
export const getDetail = internalQuery({
  args: { workspaceId: v.id("workspaces"), deliveryId: v.string() },
  handler: async (ctx, args): Promise<DeliveryDetail | null> => {
    const id = ctx.db.normalizeId("deliveries", args.deliveryId);
    const delivery = id === null ? null : await ctx.db.get("deliveries", id);
    if (delivery === null || delivery.workspaceId !== args.workspaceId) return null;
    const attempts = await ctx.db
      .query("deliveryAttempts")
      .withIndex("by_delivery", (q) => q.eq("deliveryId", delivery._id))
      .collect();
    return deliveryDetail(delivery, attempts);
  },
});
