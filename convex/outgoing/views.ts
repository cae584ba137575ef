import type { Doc } from "../_generated/dataModel";

/** The delivery log as people and the REST API read it: no sealed parts, no handles. */
export type DeliveryView = {
  id: string;
  kind: Doc<"deliveries">["kind"];
  topic: string | null;
  method: Doc<"deliveries">["method"];
  url: string;
  status: Doc<"deliveries">["status"];
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  lastStatusCode: number | null;
  latencyMs: number | null;
  orderingKey: string | null;
  replayOf: string | null;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
};

export type AttemptView = {
  attempt: number;
  startedAt: number;
  latencyMs: number;
  outcome: Doc<"deliveryAttempts">["outcome"];
  statusCode: number | null;
  error: string | null;
  responseSnippet: string | null;
};

export type DeliveryDetail = DeliveryView & { body: string; headers: Array<{ name: string; value: string }>; log: AttemptView[] };

export function deliveryView(delivery: Doc<"deliveries">): DeliveryView {
  const waiting = delivery.status === "queued" || delivery.status === "failed";
  return {
    id: delivery._id,
    kind: delivery.kind,
    topic: delivery.topic ?? null,
    method: delivery.method,
    url: delivery.url,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: waiting ? (delivery.nextAttemptAt ?? null) : null,
    lastError: delivery.lastError ?? null,
    lastStatusCode: delivery.lastStatusCode ?? null,
    latencyMs: delivery.latencyMs ?? null,
    orderingKey: delivery.orderingKey ?? null,
    replayOf: delivery.replayOf ?? null,
    createdAt: delivery._creationTime,
    updatedAt: delivery.updatedAt,
    completedAt: delivery.completedAt ?? null,
  };
}

export function attemptView(attempt: Doc<"deliveryAttempts">): AttemptView {
  return {
    attempt: attempt.attempt,
    startedAt: attempt.startedAt,
    latencyMs: attempt.latencyMs,
    outcome: attempt.outcome,
    statusCode: attempt.statusCode ?? null,
    error: attempt.error ?? null,
    responseSnippet: attempt.responseSnippet ?? null,
  };
}

export function deliveryDetail(delivery: Doc<"deliveries">, attempts: Doc<"deliveryAttempts">[]): DeliveryDetail {
  return { ...deliveryView(delivery), body: delivery.body, headers: delivery.headers, log: attempts.map(attemptView) };
}
