import { z } from "zod";
import { pageOf, pageParams, pageResponse } from "./pagination";
import { internal } from "../_generated/api";
import { WEBHOOK_LIMITS } from "../lib/outgoingWebhookRules";
import { errorResponse, jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { defined, idParams } from "./restHelpers";
import { dataOf, deleted } from "./views";
import {
  deliveryDetailView,
  deliveryStatus,
  deliveryView,
  webhookSubscriptionView,
  webhookSubscriptionWithSecretView,
} from "./webhookViews";

/*
 * /api/v1/webhooks: outgoing webhook subscriptions, their secrets, and their
 * delivery log with replay. Event names and URLs are checked by the functions
 * behind these (convex/webhooks.ts), whose errors name the field.
 */

const url = z.string().trim().min(1).max(WEBHOOK_LIMITS.urlMax);
const events = z.array(z.string().min(1).max(100)).min(1).max(20);
const description = z.string().max(WEBHOOK_LIMITS.descriptionMax);

const createBody = z.strictObject({ url, events, description: description.optional(), enabled: z.boolean().optional() });
const patchBody = z
  .strictObject({ url: url.optional(), events: events.optional(), description: description.nullable().optional(), enabled: z.boolean().optional() })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: "Give at least one field to change.", path: ["url"] });
const rotateBody = z.strictObject({
  overlapSeconds: z
    .number()
    .int()
    .min(0)
    .max(WEBHOOK_LIMITS.rotationOverlapMaxSeconds)
    .optional()
    .describe("How long the previous secrets keep signing (default a day)."),
});
const deliveriesQuery = z.object({ status: deliveryStatus.optional(), ...pageParams() });
const deliveryParams = z.object({
  id: z.string().describe("The webhook subscription's id."),
  deliveryId: z.string().describe("The delivery's id."),
});

const subscriptionNotFound = () => errorResponse("NOT_FOUND", "Webhook subscription not found.");
const deliveryNotFound = () => errorResponse("NOT_FOUND", "Delivery not found.");
const TAGS = ["Webhooks"];

export const WEBHOOK_ROUTES: Route[] = [
  defineRoute({
    method: "GET",
    path: "/webhooks",
    operationId: "listWebhooks",
    summary: "List webhook subscriptions, oldest first, a page at a time",
    tags: TAGS,
    query: z.object(pageParams()),
    responses: { 200: { description: "One page of subscriptions", schema: pageOf(webhookSubscriptionView) } },
    handler: async ({ ctx, caller, query }) =>
      await pageResponse(query, (paginationOpts) => ctx.runQuery(internal.webhooks.list, { workspaceId: caller.workspaceId, paginationOpts })),
  }),
  defineRoute({
    method: "POST",
    path: "/webhooks",
    operationId: "createWebhook",
    summary: "Subscribe a URL to events; the answer holds the signing secret, shown only this once",
    tags: TAGS,
    body: createBody,
    errors: [409],
    responses: { 201: { description: "The subscription with its secret", schema: dataOf(webhookSubscriptionWithSecretView) } },
    handler: async ({ ctx, caller, body: { url: target, events: types, ...optional } }) => {
      const created = await ctx.runAction(internal.webhooks.create, {
        workspaceId: caller.workspaceId,
        url: target,
        events: types,
        ...defined(optional),
      });
      return jsonResponse({ data: created }, 201);
    },
  }),
  defineRoute({
    method: "GET",
    path: "/webhooks/{id}",
    operationId: "getWebhook",
    summary: "Read a webhook subscription",
    tags: TAGS,
    params: idParams("webhook subscription"),
    responses: { 200: { description: "Subscription", schema: dataOf(webhookSubscriptionView) } },
    handler: async ({ ctx, caller, params }) => {
      const row = await ctx.runQuery(internal.webhooks.get, { workspaceId: caller.workspaceId, id: params.id });
      return row === null ? subscriptionNotFound() : jsonResponse({ data: row });
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/webhooks/{id}",
    operationId: "updateWebhook",
    summary: "Change a subscription's URL, events, description or enabled flag",
    tags: TAGS,
    params: idParams("webhook subscription"),
    body: patchBody,
    responses: { 200: { description: "The subscription after the change", schema: dataOf(webhookSubscriptionView) } },
    handler: async ({ ctx, caller, params, body: { description: newDescription, ...rest } }) => {
      const row = await ctx.runMutation(internal.webhooks.update, {
        workspaceId: caller.workspaceId,
        id: params.id,
        ...defined(rest),
        ...(newDescription !== undefined ? { description: newDescription } : {}),
      });
      return row === null ? subscriptionNotFound() : jsonResponse({ data: row });
    },
  }),
  defineRoute({
    method: "DELETE",
    path: "/webhooks/{id}",
    operationId: "deleteWebhook",
    summary: "Delete a subscription",
    tags: TAGS,
    params: idParams("webhook subscription"),
    responses: { 200: { description: "Deleted", schema: dataOf(deleted) } },
    handler: async ({ ctx, caller, params: { id } }) => {
      const removed = await ctx.runMutation(internal.webhooks.remove, { workspaceId: caller.workspaceId, id });
      return removed ? jsonResponse({ data: { id, deleted: true } }) : subscriptionNotFound();
    },
  }),
  defineRoute({
    method: "POST",
    path: "/webhooks/{id}/rotate-secret",
    operationId: "rotateWebhookSecret",
    summary: "Draw a new signing secret (shown once); the previous ones keep signing for the overlap",
    tags: TAGS,
    params: idParams("webhook subscription"),
    body: rotateBody,
    bodyOptional: true,
    responses: { 200: { description: "The subscription with its new secret", schema: dataOf(webhookSubscriptionWithSecretView) } },
    handler: async ({ ctx, caller, params, body }) => {
      const row = await ctx.runAction(internal.webhooks.rotateSecret, {
        workspaceId: caller.workspaceId,
        id: params.id,
        ...defined(body),
      });
      return row === null ? subscriptionNotFound() : jsonResponse({ data: row });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/webhooks/{id}/deliveries",
    operationId: "listWebhookDeliveries",
    summary: "A subscription's delivery log, newest first, a page at a time",
    tags: TAGS,
    params: idParams("webhook subscription"),
    query: deliveriesQuery,
    responses: { 200: { description: "One page of deliveries", schema: pageOf(deliveryView) } },
    handler: async ({ ctx, caller, params: { id }, query }) => {
      if ((await ctx.runQuery(internal.webhooks.get, { workspaceId: caller.workspaceId, id })) === null) return subscriptionNotFound();
      return await pageResponse(query, (paginationOpts) =>
        ctx.runQuery(internal.outgoing.deliveries.listForSource, { workspaceId: caller.workspaceId, sourceId: id, paginationOpts, ...defined({ status: query.status }) }),
      );
    },
  }),
  defineRoute({
    method: "GET",
    path: "/webhooks/{id}/deliveries/{deliveryId}",
    operationId: "getWebhookDelivery",
    summary: "One delivery: the exact body and headers sent, and every attempt",
    tags: TAGS,
    params: deliveryParams,
    responses: { 200: { description: "Delivery", schema: dataOf(deliveryDetailView) } },
    handler: async ({ ctx, caller, params: { id, deliveryId } }) => {
      const workspaceId = caller.workspaceId;
      if (!(await ctx.runQuery(internal.webhooks.ownsDelivery, { workspaceId, id, deliveryId }))) return deliveryNotFound();
      const detail = await ctx.runQuery(internal.outgoing.deliveries.getDetail, { workspaceId, deliveryId });
      return detail === null ? deliveryNotFound() : jsonResponse({ data: detail });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/webhooks/{id}/deliveries/{deliveryId}/replay",
    operationId: "replayWebhookDelivery",
    summary: "Queue a delivery's event again as a new delivery (its replayOf names the original)",
    tags: TAGS,
    params: deliveryParams,
    responses: { 202: { description: "The new delivery", schema: dataOf(deliveryView) } },
    handler: async ({ ctx, caller, params: { id, deliveryId } }) => {
      const row = await ctx.runMutation(internal.webhooks.replay, { workspaceId: caller.workspaceId, id, deliveryId });
      return row === null ? deliveryNotFound() : jsonResponse({ data: row }, 202);
    },
  }),
];
