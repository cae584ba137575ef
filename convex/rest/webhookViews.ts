import { z } from "zod";
import { epochMs } from "./views";

/*
 * What the /webhooks routes answer, as zod schemas (OpenAPI components). They
 * describe WebhookSubscriptionView (convex/webhooks.ts) and the delivery log
 * views (convex/outgoing/views.ts).
 */

const subscriptionFields = {
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  description: z.string().nullable(),
  enabled: z.boolean(),
  secrets: z
    .array(z.object({ hint: z.string(), createdAt: epochMs, expiresAt: epochMs.nullable() }))
    .describe("The secrets that sign now, newest first: their last characters, to tell them apart."),
  createdAt: epochMs,
  updatedAt: epochMs,
};

export const webhookSubscriptionView = z.object(subscriptionFields).meta({ id: "WebhookSubscription" });

export const webhookSubscriptionWithSecretView = z
  .object({ ...subscriptionFields, secret: z.string().describe("The new signing secret: shown this once.") })
  .meta({ id: "WebhookSubscriptionWithSecret" });

export const deliveryStatus = z.enum(["queued", "in_flight", "failed", "succeeded", "dead"]);

const deliveryFields = {
  id: z.string(),
  kind: z.enum(["webhook", "bot", "gateway", "configCallback", "email"]),
  topic: z.string().nullable().describe("The event type."),
  method: z.enum(["POST", "PUT", "GET"]),
  url: z.string(),
  status: deliveryStatus,
  attempts: z.number().int().min(0),
  nextAttemptAt: epochMs.nullable().describe("When the next attempt is due; null unless queued or failed."),
  lastError: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  latencyMs: z.number().nullable(),
  orderingKey: z.string().nullable(),
  replayOf: z.string().nullable().describe("The delivery this one replays."),
  createdAt: epochMs,
  updatedAt: epochMs,
  completedAt: epochMs.nullable(),
};

export const deliveryView = z.object(deliveryFields).meta({ id: "WebhookDelivery" });

export const deliveryDetailView = z
  .object({
    ...deliveryFields,
    body: z.string().describe("The exact bytes sent (and signed)."),
    headers: z.array(z.object({ name: z.string(), value: z.string() })),
    log: z.array(
      z.object({
        attempt: z.number().int().min(1),
        startedAt: epochMs,
        latencyMs: z.number(),
        outcome: z.enum(["succeeded", "retry", "dead"]),
        statusCode: z.number().int().nullable(),
        error: z.string().nullable(),
        responseSnippet: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "WebhookDeliveryDetail" });
