import { v, type Infer, type ObjectType } from "convex/values";
import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseWriter, MutationCtx } from "../_generated/server";
import { nextStep, type AttemptOutcome, type DeliveryKind, type DeliveryPolicy } from "../lib/outgoingPolicy";
import type { headerValidator, secretPartValidator, signingValidator } from "../lib/outgoingTables";

/*
 * The delivery queue's transitions, shared by the enqueue mutation, the
 * attempt's bookkeeping and the operator's retry. Every attempt runs as the
 * scheduled action outgoing/send:attempt; a delivery with an ordering key is
 * only scheduled when no earlier delivery of that key is still under way.
 */

export type QueueCtx = Pick<MutationCtx, "db" | "scheduler">;

export type NewDelivery = {
  workspaceId: Id<"workspaces">;
  kind: DeliveryKind;
  url: string;
  body: string;
  policy: DeliveryPolicy;
  method?: "POST" | "PUT" | "GET";
  headers?: Array<Infer<typeof headerValidator>>;
  secretParts?: Array<Infer<typeof secretPartValidator>>;
  signing?: Infer<typeof signingValidator>;
  sourceId?: string;
  topic?: string;
  orderingKey?: string;
  idempotencyKey?: string;
  /** A function handle (createFunctionHandle) of an internal mutation taking CompletionArgs. */
  onComplete?: string;
  replayOf?: Id<"deliveries">;
};

/**
 * What `onComplete` receives once a delivery has succeeded or died: the args of every
 * completion mutation. `responseBody` is the receiver's answer (up to 64 KiB), for
 * integrations that act on it (bot responses).
 */
export const completionArgsValidator = {
  deliveryId: v.id("deliveries"),
  status: v.union(v.literal("succeeded"), v.literal("dead")),
  statusCode: v.union(v.number(), v.null()),
  error: v.union(v.string(), v.null()),
  responseBody: v.union(v.string(), v.null()),
};
export type CompletionArgs = ObjectType<typeof completionArgsValidator>;

const ACTIVE: Array<Doc<"deliveries">["status"]> = ["in_flight", "failed"];

/** Queues a call; returns the existing delivery when the idempotency key was seen before. */
export async function enqueueDelivery(ctx: QueueCtx, input: NewDelivery): Promise<Id<"deliveries">> {
  const { idempotencyKey } = input;
  if (idempotencyKey !== undefined) {
    const earlier = await ctx.db
      .query("deliveries")
      .withIndex("by_workspace_kind_idempotency", (q) =>
        q.eq("workspaceId", input.workspaceId).eq("kind", input.kind).eq("idempotencyKey", idempotencyKey),
      )
      .first();
    if (earlier !== null) return earlier._id;
  }
  const now = Date.now();
  const id = await ctx.db.insert("deliveries", {
    ...input,
    method: input.method ?? "POST",
    headers: input.headers ?? [],
    status: "queued",
    attempts: 0,
    queuedAt: now,
    updatedAt: now,
  });
  if (input.orderingKey === undefined || !(await keyIsBusy(ctx.db, input.kind, input.orderingKey, id))) {
    await scheduleAttempt(ctx, id, 0);
  }
  return id;
}

/** Whether another delivery of the key is running, waiting to retry, or scheduled to go next. */
async function keyIsBusy(db: DatabaseWriter, kind: DeliveryKind, orderingKey: string, self: Id<"deliveries">): Promise<boolean> {
  for (const status of ACTIVE) {
    const row = await db
      .query("deliveries")
      .withIndex("by_kind_ordering_status_next", (q) => q.eq("kind", kind).eq("orderingKey", orderingKey).eq("status", status))
      .first();
    if (row !== null && row._id !== self) return true;
  }
  // Queued and scheduled (nextAttemptAt set): the head of the key, about to go. Those waiting behind it have none.
  const scheduled = await db
    .query("deliveries")
    .withIndex("by_kind_ordering_status_next", (q) =>
      q.eq("kind", kind).eq("orderingKey", orderingKey).eq("status", "queued").gte("nextAttemptAt", 0),
    )
    .take(2);
  return scheduled.some((row) => row._id !== self);
}

export async function scheduleAttempt(ctx: QueueCtx, deliveryId: Id<"deliveries">, delayMs: number): Promise<void> {
  const at = Date.now() + delayMs;
  await ctx.db.patch("deliveries", deliveryId, { nextAttemptAt: at, updatedAt: Date.now() });
  await ctx.scheduler.runAfter(delayMs, internal.outgoing.send.attempt, { deliveryId });
}

/** After a delivery of an ordering key reached succeeded or dead: start the oldest one waiting behind it. */
export async function startNextInOrder(ctx: QueueCtx, finished: Doc<"deliveries">): Promise<void> {
  const { orderingKey } = finished;
  if (orderingKey === undefined || (await keyIsBusy(ctx.db, finished.kind, orderingKey, finished._id))) return;
  const next = await ctx.db
    .query("deliveries")
    .withIndex("by_kind_ordering_status_next", (q) =>
      q.eq("kind", finished.kind).eq("orderingKey", orderingKey).eq("status", "queued").eq("nextAttemptAt", undefined),
    )
    .first();
  if (next !== null) await scheduleAttempt(ctx, next._id, 0);
}

/** Tells the integration, if it asked, that the delivery is settled. */
export async function notifyCompletion(ctx: QueueCtx, delivery: Doc<"deliveries">, args: CompletionArgs): Promise<void> {
  if (delivery.onComplete === undefined) return;
  await ctx.scheduler.runAfter(0, delivery.onComplete as never, args as never);
}

/**
 * An operator's retry of a dead delivery: a fresh budget of attempts and a
 * fresh deadline, in its turn when its key has a delivery under way.
 */
export async function retryDead(ctx: QueueCtx, delivery: Doc<"deliveries">): Promise<void> {
  const now = Date.now();
  await ctx.db.patch("deliveries", delivery._id, {
    status: "queued",
    queuedAt: now,
    updatedAt: now,
    attemptsBeforeRetry: delivery.attempts,
    nextAttemptAt: undefined,
    completedAt: undefined,
  });
  const { orderingKey } = delivery;
  if (orderingKey === undefined || !(await keyIsBusy(ctx.db, delivery.kind, orderingKey, delivery._id))) {
    await scheduleAttempt(ctx, delivery._id, 0);
  }
}

const SNIPPET_CHARS = 1024;

export type AttemptReport = {
  attempt: number;
  startedAt: number;
  latencyMs: number;
  outcome: AttemptOutcome;
  jitter: number;
  responseBody: string | null;
};

/** Logs one attempt and moves the delivery on: succeeded, a retry at its backoff, or dead. */
export async function settleAttempt(ctx: QueueCtx, delivery: Doc<"deliveries">, report: AttemptReport): Promise<void> {
  const { outcome } = report;
  const now = Date.now();
  const step = nextStep(delivery.policy, outcome, {
    attemptsMade: delivery.attempts - (delivery.attemptsBeforeRetry ?? 0),
    queuedAt: delivery.queuedAt,
    now,
    jitter: report.jitter,
  });
  const statusCode = outcome.statusCode;
  const error = outcome.kind === "success" ? undefined : outcome.error;
  await ctx.db.insert("deliveryAttempts", {
    deliveryId: delivery._id,
    workspaceId: delivery.workspaceId,
    attempt: report.attempt,
    startedAt: report.startedAt,
    latencyMs: report.latencyMs,
    outcome: step.kind,
    ...(statusCode !== undefined ? { statusCode } : {}),
    ...(error !== undefined ? { error } : {}),
    ...(report.responseBody ? { responseSnippet: report.responseBody.slice(0, SNIPPET_CHARS) } : {}),
  });
  const common = { latencyMs: report.latencyMs, lastStatusCode: statusCode, lastError: error, updatedAt: now };
  if (step.kind === "retry") {
    await ctx.db.patch("deliveries", delivery._id, { ...common, status: "failed", nextAttemptAt: step.at });
    await ctx.scheduler.runAfter(step.at - now, internal.outgoing.send.attempt, { deliveryId: delivery._id });
    return;
  }
  const status = step.kind === "succeeded" ? "succeeded" : "dead";
  await ctx.db.patch("deliveries", delivery._id, { ...common, status, nextAttemptAt: undefined, completedAt: now });
  const settled = { ...delivery, status } as const;
  await startNextInOrder(ctx, settled);
  await notifyCompletion(ctx, settled, {
    deliveryId: delivery._id,
    status,
    statusCode: statusCode ?? null,
    error: error ?? null,
    responseBody: report.responseBody,
  });
}
