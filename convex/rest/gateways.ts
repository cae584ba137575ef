import { z } from "zod";
import { pageOf, pageParams, pageResponse } from "./pagination";
import { internal } from "../_generated/api";
import { GATEWAY_LIMITS } from "../lib/gatewayRules";
import { errorResponse, jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { defined, idParams } from "./restHelpers";
import { broadcastView, gatewayView, routingInput, templatesInput } from "./gatewayViews";
import { dataOf, deleted } from "./views";
import { deliveryStatus, deliveryView } from "./webhookViews";

/*
 * /api/v1/gateways: chat gateway profiles, their secret and URI, broadcasts,
 * and the delivery log of their callbacks with retry of dead letters. The
 * functions behind (convex/gateways.ts) check URLs, routing and templates and
 * name the field they refuse.
 */

const name = z.string().trim().min(1).max(GATEWAY_LIMITS.nameMax);
const callbackUrl = z.string().trim().min(1).max(GATEWAY_LIMITS.callbackUrlMax);
const appSecret = z
  .string()
  .min(GATEWAY_LIMITS.secretMin)
  .max(GATEWAY_LIMITS.secretMax)
  .describe("Typed by you; omitted on create, one is generated. Changing it interrupts the integration until the service has it.");

const createBody = z.strictObject({ name, callbackUrl, appSecret: appSecret.optional(), routing: routingInput.optional(), templates: templatesInput.optional() });
const patchBody = z
  .strictObject({ name: name.optional(), callbackUrl: callbackUrl.optional(), appSecret: appSecret.optional(), routing: routingInput.optional(), templates: templatesInput.optional() })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: "Give at least one field to change.", path: ["name"] });
const broadcastBody = z.strictObject({
  recipients: z.array(z.strictObject({ id: z.string().trim().min(1).max(200), type: z.string().max(50) })).min(1).max(GATEWAY_LIMITS.broadcastRecipientsMax),
  text: z.string().trim().min(1).max(5000),
  metadata: z.record(z.string().min(1).max(100), z.string().max(1000)).optional(),
});
const deliveryParams = z.object({ id: z.string().describe("The gateway's id."), deliveryId: z.string().describe("The delivery's id.") });

const gatewayNotFound = () => errorResponse("NOT_FOUND", "Gateway not found.");
const TAGS = ["Gateways"];
const params = idParams("gateway");
const one = { 200: { description: "The gateway", schema: dataOf(gatewayView) } };

export const GATEWAY_ROUTES: Route[] = [
  defineRoute({
    method: "GET",
    path: "/gateways",
    operationId: "listGateways",
    summary: "List chat gateways, oldest first, a page at a time",
    tags: TAGS,
    query: z.object(pageParams()),
    responses: { 200: { description: "One page of gateways", schema: pageOf(gatewayView) } },
    handler: async ({ ctx, caller, query }) =>
      await pageResponse(query, (paginationOpts) => ctx.runQuery(internal.gateways.list, { workspaceId: caller.workspaceId, paginationOpts })),
  }),
  defineRoute({
    method: "POST",
    path: "/gateways",
    operationId: "createGateway",
    summary: "Create a chat gateway; its URI is generated, and its app secret too unless given",
    tags: TAGS,
    body: createBody,
    errors: [409],
    responses: { 201: { description: "The gateway", schema: dataOf(gatewayView) } },
    handler: async ({ ctx, caller, body: { name: title, callbackUrl: callback, templates, ...optional } }) => {
      const args = { workspaceId: caller.workspaceId, name: title, callbackUrl: callback, ...defined(optional), ...(templates ? { templates: defined(templates) } : {}) };
      return jsonResponse({ data: await ctx.runAction(internal.gateways.create, args) }, 201);
    },
  }),
  defineRoute({
    method: "GET",
    path: "/gateways/{id}",
    operationId: "getGateway",
    summary: "Read a chat gateway",
    tags: TAGS,
    params,
    responses: one,
    handler: async ({ ctx, caller, params: { id } }) => {
      const row = await ctx.runQuery(internal.gateways.get, { workspaceId: caller.workspaceId, id });
      return row === null ? gatewayNotFound() : jsonResponse({ data: row });
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/gateways/{id}",
    operationId: "updateGateway",
    summary: "Change a gateway's name, callback URL, app secret, routing or templates",
    tags: TAGS,
    params,
    body: patchBody,
    responses: one,
    handler: async ({ ctx, caller, params: { id }, body: { templates, ...rest } }) => {
      const changes = { ...defined(rest), ...(templates ? { templates: defined(templates) } : {}) };
      const row = await ctx.runAction(internal.gateways.update, { workspaceId: caller.workspaceId, id, ...changes });
      return row === null ? gatewayNotFound() : jsonResponse({ data: row });
    },
  }),
  defineRoute({
    method: "DELETE",
    path: "/gateways/{id}",
    operationId: "deleteGateway",
    summary: "Delete a gateway (its chats stay in the inbox)",
    tags: TAGS,
    params,
    responses: { 200: { description: "Deleted", schema: dataOf(deleted) } },
    handler: async ({ ctx, caller, params: { id } }) =>
      (await ctx.runMutation(internal.gateways.remove, { workspaceId: caller.workspaceId, id })) ? jsonResponse({ data: { id, deleted: true } }) : gatewayNotFound(),
  }),
  defineRoute({
    method: "POST",
    path: "/gateways/{id}/secret",
    operationId: "regenerateGatewaySecret",
    summary: "Generate a new app secret; the old one stops verifying at once",
    tags: TAGS,
    params,
    responses: one,
    handler: async ({ ctx, caller, params: { id } }) => {
      const row = await ctx.runAction(internal.gateways.regenerateSecret, { workspaceId: caller.workspaceId, id });
      return row === null ? gatewayNotFound() : jsonResponse({ data: row });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/gateways/{id}/uri",
    operationId: "regenerateGatewayUri",
    summary: "Generate a new URI; the old one answers 404 from now on",
    tags: TAGS,
    params,
    responses: one,
    handler: async ({ ctx, caller, params: { id } }) => {
      const row = await ctx.runAction(internal.gateways.regenerateUri, { workspaceId: caller.workspaceId, id });
      return row === null ? gatewayNotFound() : jsonResponse({ data: row });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/gateways/{id}/broadcasts",
    operationId: "createGatewayBroadcast",
    summary: "Send one message to recipients through the gateway's service",
    tags: TAGS,
    params,
    body: broadcastBody,
    responses: { 202: { description: "The broadcast, queued", schema: dataOf(broadcastView) } },
    handler: async ({ ctx, caller, params: { id }, body }) => {
      const { metadata, ...required } = body;
      const row = await ctx.runMutation(internal.gatewayBroadcasts.send, { workspaceId: caller.workspaceId, gatewayId: id, ...required, ...defined({ metadata }) });
      return row === null ? gatewayNotFound() : jsonResponse({ data: row }, 202);
    },
  }),
  defineRoute({
    method: "GET",
    path: "/gateways/{id}/broadcasts",
    operationId: "listGatewayBroadcasts",
    summary: "A gateway's broadcasts with each recipient's status, newest first, a page at a time",
    tags: TAGS,
    params,
    query: z.object(pageParams()),
    responses: { 200: { description: "One page of broadcasts", schema: pageOf(broadcastView) } },
    handler: async ({ ctx, caller, params: { id }, query }) =>
      await pageResponse(
        query,
        (paginationOpts) => ctx.runQuery(internal.gatewayBroadcasts.list, { workspaceId: caller.workspaceId, gatewayId: id, paginationOpts }),
        gatewayNotFound,
      ),
  }),
  defineRoute({
    method: "GET",
    path: "/gateways/{id}/deliveries",
    operationId: "listGatewayDeliveries",
    summary: "The delivery log of a gateway's callback: status, attempts, last error and latency, newest first, a page at a time",
    tags: TAGS,
    params,
    query: z.object({ status: deliveryStatus.optional(), ...pageParams() }),
    responses: { 200: { description: "One page of deliveries", schema: pageOf(deliveryView) } },
    handler: async ({ ctx, caller, params: { id }, query }) => {
      if ((await ctx.runQuery(internal.gateways.get, { workspaceId: caller.workspaceId, id })) === null) return gatewayNotFound();
      return await pageResponse(query, (paginationOpts) =>
        ctx.runQuery(internal.outgoing.deliveries.listForSource, { workspaceId: caller.workspaceId, sourceId: id, paginationOpts, ...defined({ status: query.status }) }),
      );
    },
  }),
  defineRoute({
    method: "POST",
    path: "/gateways/{id}/deliveries/{deliveryId}/retry",
    operationId: "retryGatewayDelivery",
    summary: "Retry a dead delivery with a fresh budget of attempts (in its turn within its chat)",
    tags: TAGS,
    params: deliveryParams,
    responses: { 202: { description: "The delivery", schema: dataOf(deliveryView) } },
    handler: async ({ ctx, caller, params: { id, deliveryId } }) => {
      const workspaceId = caller.workspaceId;
      if (!(await ctx.runQuery(internal.gateways.ownsDelivery, { workspaceId, id, deliveryId }))) return errorResponse("NOT_FOUND", "Delivery not found.");
      const row = await ctx.runMutation(internal.outgoing.deliveries.retry, { workspaceId, deliveryId });
      return row === null ? errorResponse("NOT_FOUND", "Delivery not found.") : jsonResponse({ data: row }, 202);
    },
  }),
];
