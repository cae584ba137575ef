import { v } from "convex/values";
import { boundedPage, mapPage } from "./lib/pages";
import { paginationOptsValidator, type PaginationResult } from "convex/server";
import { internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import { internalAction, internalMutation, internalQuery, type DatabaseReader } from "./_generated/server";
import { privateTargetsAllowed } from "./lib/addresses";
import { randomBytes, toBase64Url } from "./lib/crypto";
import { appError, invalidArgument } from "./lib/errors";
import { policyFor } from "./lib/outgoingPolicy";
import {
  checkDescription,
  checkWebhookEvents,
  checkWebhookUrl,
  WEBHOOK_LIMITS,
  WEBHOOK_SECRET_PREFIX,
} from "./lib/outgoingWebhookRules";
import { sealSecret } from "./lib/secretBox";
import { SIGNING_SECRET_PURPOSE } from "./outgoing/prepare";
import { enqueueWebhookDelivery, EVENT_ID_HEADER } from "./outgoing/webhookEvents";
import { deliveryView, type DeliveryView } from "./outgoing/views";

/*
 * Outgoing webhook subscriptions (REST: rest/webhooks.ts). Signing secrets
 * are drawn in actions (true randomness), shown once, and stored sealed so
 * the sender can sign with them; a rotation keeps the previous ones signing
 * for an overlap so receivers can switch without missing a beat.
 */

export type WebhookSubscriptionView = {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  enabled: boolean;
  /** The last characters of each secret that signs now, newest first, to tell them apart. */
  secrets: Array<{ hint: string; createdAt: number; expiresAt: number | null }>;
  createdAt: number;
  updatedAt: number;
};

function subscriptionView(subscription: Doc<"webhookSubscriptions">, now: number): WebhookSubscriptionView {
  return {
    id: subscription._id,
    url: subscription.url,
    events: subscription.events,
    description: subscription.description ?? null,
    enabled: subscription.enabled,
    secrets: subscription.secrets
      .filter((secret) => secret.expiresAt === undefined || secret.expiresAt > now)
      .map(({ hint, createdAt, expiresAt }) => ({ hint, createdAt, expiresAt: expiresAt ?? null })),
    createdAt: subscription.createdAt,
    updatedAt: subscription.updatedAt,
  };
}

async function findSubscription(db: DatabaseReader, workspaceId: Id<"workspaces">, id: string) {
  const normalized = db.normalizeId("webhookSubscriptions", id);
  const subscription = normalized === null ? null : await db.get("webhookSubscriptions", normalized);
  return subscription !== null && subscription.workspaceId === workspaceId ? subscription : null;
}

/** A new secret, its sealed box and the hint shown in lists. Actions only. */
async function mintSecret(now: number) {
  const secret = WEBHOOK_SECRET_PREFIX + toBase64Url(randomBytes(32));
  return { secret, stored: { sealed: await sealSecret(secret, SIGNING_SECRET_PURPOSE), hint: secret.slice(-4), createdAt: now } };
}

const storedSecret = v.object({ sealed: v.string(), hint: v.string(), createdAt: v.number() });
const workspaceArgs = { workspaceId: v.id("workspaces") };
const subscriptionArgs = {
  ...workspaceArgs,
  url: v.string(),
  events: v.array(v.string()),
  description: v.optional(v.string()),
  enabled: v.optional(v.boolean()),
};

export const create = internalAction({
  args: subscriptionArgs,
  handler: async (ctx, args): Promise<WebhookSubscriptionView & { secret: string }> => {
    const { secret, stored } = await mintSecret(Date.now());
    const view: WebhookSubscriptionView = await ctx.runMutation(internal.webhooks.insert, { ...args, secret: stored });
    return { ...view, secret };
  },
});

export const insert = internalMutation({
  args: { ...subscriptionArgs, secret: storedSecret },
  handler: async (ctx, args): Promise<WebhookSubscriptionView> => {
    const existing = await ctx.db
      .query("webhookSubscriptions")
      .withIndex("by_workspace", (q) => q.eq("workspaceId", args.workspaceId))
      .take(WEBHOOK_LIMITS.subscriptionsPerWorkspace);
    if (existing.length >= WEBHOOK_LIMITS.subscriptionsPerWorkspace) {
      throw appError("CONFLICT", `A workspace has at most ${WEBHOOK_LIMITS.subscriptionsPerWorkspace} webhook subscriptions.`);
    }
    const now = Date.now();
    const description = checkDescription(args.description);
    const id = await ctx.db.insert("webhookSubscriptions", {
      workspaceId: args.workspaceId,
      url: checkWebhookUrl(args.url, privateTargetsAllowed()),
      events: checkWebhookEvents(args.events),
      enabled: args.enabled ?? true,
      secrets: [args.secret],
      createdAt: now,
      updatedAt: now,
      ...(description !== undefined ? { description } : {}),
    });
    const inserted = await ctx.db.get("webhookSubscriptions", id);
    if (inserted === null) throw new Error("Subscription vanished right after insert");
    return subscriptionView(inserted, now);
  },
});

export const list = internalQuery({
  args: { ...workspaceArgs, paginationOpts: paginationOptsValidator },
  handler: async (ctx, args): Promise<PaginationResult<WebhookSubscriptionView>> => {
    const page = await ctx.db
      .query("webhookSubscriptions")
      .withIndex("by_workspace", (q) => q.eq("workspaceId", args.workspaceId))
      .paginate(boundedPage(args.paginationOpts));
    const now = Date.now();
    return await mapPage(page, (row) => subscriptionView(row, now));
  },
});

export const get = internalQuery({
  args: { ...workspaceArgs, id: v.string() },
  handler: async (ctx, args): Promise<WebhookSubscriptionView | null> => {
    const subscription = await findSubscription(ctx.db, args.workspaceId, args.id);
    return subscription === null ? null : subscriptionView(subscription, Date.now());
  },
});

export const update = internalMutation({
  args: {
    ...workspaceArgs,
    id: v.string(),
    url: v.optional(v.string()),
    events: v.optional(v.array(v.string())),
    description: v.optional(v.union(v.string(), v.null())),
    enabled: v.optional(v.boolean()),
  },
  handler: async (ctx, args): Promise<WebhookSubscriptionView | null> => {
    const subscription = await findSubscription(ctx.db, args.workspaceId, args.id);
    if (subscription === null) return null;
    const now = Date.now();
    const description = args.description === null ? undefined : checkDescription(args.description ?? subscription.description);
    await ctx.db.patch("webhookSubscriptions", subscription._id, {
      ...(args.url !== undefined ? { url: checkWebhookUrl(args.url, privateTargetsAllowed()) } : {}),
      ...(args.events !== undefined ? { events: checkWebhookEvents(args.events) } : {}),
      ...(args.enabled !== undefined ? { enabled: args.enabled } : {}),
      description,
      updatedAt: now,
    });
    const updated = await ctx.db.get("webhookSubscriptions", subscription._id);
    return updated === null ? null : subscriptionView(updated, now);
  },
});

/** Deletes the subscription; deliveries still waiting for it are given up (their log stays readable). */
export const remove = internalMutation({
  args: { ...workspaceArgs, id: v.string() },
  handler: async (ctx, args): Promise<boolean> => {
    const subscription = await findSubscription(ctx.db, args.workspaceId, args.id);
    if (subscription === null) return false;
    await ctx.db.delete("webhookSubscriptions", subscription._id);
    const now = Date.now();
    for (const status of ["queued", "failed"] as const) {
      const waiting = await ctx.db
        .query("deliveries")
        .withIndex("by_workspace_source_status", (q) =>
          q.eq("workspaceId", args.workspaceId).eq("sourceId", subscription._id).eq("status", status),
        )
        .take(500);
      for (const delivery of waiting) {
        await ctx.db.patch("deliveries", delivery._id, { status: "dead", lastError: "The subscription was deleted.", completedAt: now, updatedAt: now });
      }
    }
    return true;
  },
});

/**
 * A new signing secret, shown once. The ones before it keep signing (a second
 * `v1=`) for `overlapSeconds`, then stop; 0 retires them at once.
 */
export const rotateSecret = internalAction({
  args: { ...workspaceArgs, id: v.string(), overlapSeconds: v.optional(v.number()) },
  handler: async (ctx, args): Promise<(WebhookSubscriptionView & { secret: string }) | null> => {
    const { secret, stored } = await mintSecret(Date.now());
    const view: WebhookSubscriptionView | null = await ctx.runMutation(internal.webhooks.storeRotatedSecret, { ...args, secret: stored });
    return view === null ? null : { ...view, secret };
  },
});

export const storeRotatedSecret = internalMutation({
  args: { ...workspaceArgs, id: v.string(), overlapSeconds: v.optional(v.number()), secret: storedSecret },
  handler: async (ctx, args): Promise<WebhookSubscriptionView | null> => {
    const overlap = args.overlapSeconds ?? WEBHOOK_LIMITS.rotationOverlapDefaultSeconds;
    if (!Number.isInteger(overlap) || overlap < 0 || overlap > WEBHOOK_LIMITS.rotationOverlapMaxSeconds) {
      throw invalidArgument("overlapSeconds", `overlapSeconds must be a whole number from 0 to ${WEBHOOK_LIMITS.rotationOverlapMaxSeconds}.`);
    }
    const subscription = await findSubscription(ctx.db, args.workspaceId, args.id);
    if (subscription === null) return null;
    const now = Date.now();
    const retireAt = now + overlap * 1000;
    const previous = subscription.secrets
      .filter((old) => overlap > 0 && (old.expiresAt === undefined || old.expiresAt > now))
      .map((old) => ({ ...old, expiresAt: Math.min(old.expiresAt ?? retireAt, retireAt) }));
    await ctx.db.patch("webhookSubscriptions", subscription._id, { secrets: [args.secret, ...previous], updatedAt: now });
    const updated = await ctx.db.get("webhookSubscriptions", subscription._id);
    return updated === null ? null : subscriptionView(updated, now);
  },
});

/** The subscription's delivery, or null (unknown, malformed, or another subscription's). */
async function findDelivery(db: DatabaseReader, subscription: Doc<"webhookSubscriptions">, deliveryId: string) {
  const id = db.normalizeId("deliveries", deliveryId);
  const delivery = id === null ? null : await db.get("deliveries", id);
  return delivery !== null && delivery.kind === "webhook" && delivery.sourceId === subscription._id ? delivery : null;
}

/** Whether the delivery belongs to this workspace's subscription (REST checks before reading its detail). */
export const ownsDelivery = internalQuery({
  args: { ...workspaceArgs, id: v.string(), deliveryId: v.string() },
  handler: async (ctx, args): Promise<boolean> => {
    const subscription = await findSubscription(ctx.db, args.workspaceId, args.id);
    return subscription !== null && (await findDelivery(ctx.db, subscription, args.deliveryId)) !== null;
  },
});

/**
 * Sends a delivery's event again, as a new delivery (same event id and body,
 * the subscription's current URL and secrets), whatever became of the first.
 */
export const replay = internalMutation({
  args: { ...workspaceArgs, id: v.string(), deliveryId: v.string() },
  handler: async (ctx, args): Promise<DeliveryView | null> => {
    const subscription = await findSubscription(ctx.db, args.workspaceId, args.id);
    const original = subscription === null ? null : await findDelivery(ctx.db, subscription, args.deliveryId);
    if (subscription === null || original === null) return null;
    const eventId = original.headers.find((header) => header.name === EVENT_ID_HEADER)?.value ?? "";
    const replayId = await enqueueWebhookDelivery(ctx, subscription, {
      eventId,
      type: original.topic ?? "",
      body: original.body,
      policy: policyFor("webhook"),
      now: Date.now(),
      replayOf: original._id,
    });
    const replayed = await ctx.db.get("deliveries", replayId);
    return replayed === null ? null : deliveryView(replayed);
  },
});
