import { defineTable } from "convex/server";
import { v, type Infer } from "convex/values";

/*
 * Outgoing calls (every integration's) and outgoing-webhook subscriptions.
 * Nothing secret is stored in clear: signing secrets, tokens and credential
 * headers are sealed boxes (lib/secretBox.ts) opened only by the sender.
 */

export const deliveryKindValidator = v.union(
  v.literal("webhook"),
  v.literal("bot"),
  v.literal("gateway"),
  v.literal("configCallback"),
  v.literal("email"),
);

/**
 * queued: waiting for its (first or next) attempt, or behind an earlier
 * delivery of its ordering key; in_flight: an attempt is running; failed: the
 * last attempt failed and a retry is scheduled (`nextAttemptAt`); succeeded;
 * dead: given up (attempts spent, too late, or a refusal not worth retrying),
 * until an operator retries it.
 */
export const deliveryStatusValidator = v.union(
  v.literal("queued"),
  v.literal("in_flight"),
  v.literal("failed"),
  v.literal("succeeded"),
  v.literal("dead"),
);
export type DeliveryStatus = Infer<typeof deliveryStatusValidator>;

export const deliveryPolicyValidator = v.object({
  timeoutMs: v.number(),
  maxAttempts: v.number(),
  backoffBaseMs: v.number(),
  backoffCapMs: v.number(),
  giveUpAfterMs: v.union(v.number(), v.null()),
  retryAfterCapMs: v.number(),
});

export const headerValidator = v.object({ name: v.string(), value: v.string() });

/** A secret the sender adds at send time: a header (e.g. `Authorization`) or a query parameter (e.g. `token`). */
export const secretPartValidator = v.object({
  in: v.union(v.literal("header"), v.literal("query")),
  name: v.string(),
  /** Sealed with purpose `outgoing:<in>:<name>`. */
  sealed: v.string(),
});

export const signingValidator = v.object({
  scheme: v.union(v.literal("opencom-signature"), v.literal("x-opencom-sign")),
  /** Each sealed with purpose `signing-secret`; every one signs (rotation). */
  sealedSecrets: v.array(v.string()),
});

export const outgoingTables = {
  deliveries: defineTable({
    workspaceId: v.id("workspaces"),
    kind: deliveryKindValidator,
    /** The integration object this delivery belongs to (a webhook subscription, a bot connection, a gateway). */
    sourceId: v.optional(v.string()),
    /** What it carries, for people reading the log (an event type, "message", "close"…). */
    topic: v.optional(v.string()),
    method: v.union(v.literal("POST"), v.literal("PUT"), v.literal("GET")),
    url: v.string(),
    headers: v.array(headerValidator),
    secretParts: v.optional(v.array(secretPartValidator)),
    signing: v.optional(signingValidator),
    body: v.string(),
    /** Deliveries sharing a key go one at a time, in the order they were queued. */
    orderingKey: v.optional(v.string()),
    /** A second enqueue with the same key (per workspace and kind) returns the first delivery. */
    idempotencyKey: v.optional(v.string()),
    /** Function handle of an internal mutation told the final outcome (succeeded or dead). */
    onComplete: v.optional(v.string()),
    policy: deliveryPolicyValidator,
    status: deliveryStatusValidator,
    attempts: v.number(),
    /** Attempts made before an operator's retry, which starts a fresh budget. */
    attemptsBeforeRetry: v.optional(v.number()),
    nextAttemptAt: v.optional(v.number()),
    lastError: v.optional(v.string()),
    lastStatusCode: v.optional(v.number()),
    /** Of the last attempt. */
    latencyMs: v.optional(v.number()),
    /** Deadline arithmetic starts here (reset by an operator's retry). */
    queuedAt: v.number(),
    updatedAt: v.number(),
    completedAt: v.optional(v.number()),
    /** The delivery this one replays, when an operator asked for it again. */
    replayOf: v.optional(v.id("deliveries")),
  })
    .index("by_workspace_kind_idempotency", ["workspaceId", "kind", "idempotencyKey"])
    // Within "queued", the ones waiting behind their key (no nextAttemptAt) sort first, oldest first.
    .index("by_kind_ordering_status_next", ["kind", "orderingKey", "status", "nextAttemptAt"])
    .index("by_workspace_source", ["workspaceId", "sourceId"])
    .index("by_workspace_source_status", ["workspaceId", "sourceId", "status"])
    .index("by_status_updated", ["status", "updatedAt"]),

  /** One row per attempt: the log a person reads. */
  deliveryAttempts: defineTable({
    deliveryId: v.id("deliveries"),
    workspaceId: v.id("workspaces"),
    attempt: v.number(),
    startedAt: v.number(),
    latencyMs: v.number(),
    outcome: v.union(v.literal("succeeded"), v.literal("retry"), v.literal("dead")),
    statusCode: v.optional(v.number()),
    error: v.optional(v.string()),
    /** The start of the receiver's answer, for debugging. */
    responseSnippet: v.optional(v.string()),
  })
    .index("by_delivery", ["deliveryId"])
    .index("by_started", ["startedAt"]),

  webhookSubscriptions: defineTable({
    workspaceId: v.id("workspaces"),
    url: v.string(),
    events: v.array(v.string()),
    description: v.optional(v.string()),
    enabled: v.boolean(),
    /** Newest first. Each sealed; an old one signs too until it expires (rotation). */
    secrets: v.array(
      v.object({ sealed: v.string(), hint: v.string(), createdAt: v.number(), expiresAt: v.optional(v.number()) }),
    ),
    createdAt: v.number(),
    updatedAt: v.number(),
  }).index("by_workspace", ["workspaceId"]),

  /** An event that had at least one subscriber: its id is what receivers de-duplicate replays by. */
  webhookEvents: defineTable({
    workspaceId: v.id("workspaces"),
    type: v.string(),
    createdAt: v.number(),
  }).index("by_created", ["createdAt"]),
};
