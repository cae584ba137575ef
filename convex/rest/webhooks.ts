import { z } from "zod";
import { internal } from "../_generated/api";
import { WEBHOOK_LIMITS } from "../lib/outgoingWebhookRules";
import { parseBody, type Route } from "./contentCrud";
import type { RestHandler } from "./conversations";
import { zodFieldErrors } from "./parsing";
import { defined, limitParam, parseQuery } from "./restHelpers";
import { errorResponse, jsonResponse } from "./responses";

/*
 * /api/v1/webhooks: outgoing webhook subscriptions, their secrets, and their
 * delivery log with replay.
 *   GET  POST          /webhooks
 *   GET  PATCH DELETE  /webhooks/{id}
 *   POST               /webhooks/{id}/rotate-secret          {overlapSeconds?}
 *   GET                /webhooks/{id}/deliveries?status=&limit=
 *   GET                /webhooks/{id}/deliveries/{deliveryId}
 *   POST               /webhooks/{id}/deliveries/{deliveryId}/replay
 * Event names and URLs are checked by the functions behind these (webhooks.ts),
 * whose errors name the field.
 */

const url = z.string().trim().min(1).max(WEBHOOK_LIMITS.urlMax);
const events = z.array(z.string().min(1).max(100)).min(1).max(20);
const description = z.string().max(WEBHOOK_LIMITS.descriptionMax);

const createBody = z.strictObject({ url, events, description: description.optional(), enabled: z.boolean().optional() });
const patchBody = z
  .strictObject({ url: url.optional(), events: events.optional(), description: description.nullable().optional(), enabled: z.boolean().optional() })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: "Give at least one field to change.", path: ["url"] });
const rotateBody = z.strictObject({
  overlapSeconds: z.number().int().min(0).max(WEBHOOK_LIMITS.rotationOverlapMaxSeconds).optional(),
});
const deliveriesQuery = z.object({
  status: z.enum(["queued", "in_flight", "failed", "succeeded", "dead"]).optional(),
  limit: limitParam,
});

const subscriptionNotFound = () => errorResponse("NOT_FOUND", "Webhook subscription not found.");
const deliveryNotFound = () => errorResponse("NOT_FOUND", "Delivery not found.");

/** Like parseBody, but an empty body reads as `{}` (for POSTs whose fields are all optional). */
async function optionalBody<T>(request: Request, schema: z.ZodType<T>): Promise<{ ok: true; data: T } | { ok: false; response: Response }> {
  const text = await request.text();
  let value: unknown = {};
  if (text.trim() !== "") {
    try {
      value = JSON.parse(text);
    } catch {
      return { ok: false, response: errorResponse("INVALID_JSON", "Request body must be valid JSON.") };
    }
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, response: errorResponse("INVALID_ARGUMENT", "Invalid request body.", { fields: zodFieldErrors(parsed.error) }) };
}

const list: RestHandler = async (ctx, _request, caller) =>
  jsonResponse({ data: await ctx.runQuery(internal.webhooks.list, { workspaceId: caller.workspaceId }) });

/** 201 with the signing secret: the only time it is shown. */
const create: RestHandler = async (ctx, request, caller) => {
  const body = await parseBody(request, createBody);
  if (!body.ok) return body.response;
  const { url: target, events: types, ...optional } = body.data;
  const created = await ctx.runAction(internal.webhooks.create, { workspaceId: caller.workspaceId, url: target, events: types, ...defined(optional) });
  return jsonResponse({ data: created }, 201);
};

const read: RestHandler = async (ctx, _request, caller, params) => {
  const row = await ctx.runQuery(internal.webhooks.get, { workspaceId: caller.workspaceId, id: params["id"] ?? "" });
  return row === null ? subscriptionNotFound() : jsonResponse({ data: row });
};

const update: RestHandler = async (ctx, request, caller, params) => {
  const body = await parseBody(request, patchBody);
  if (!body.ok) return body.response;
  const { description: newDescription, ...rest } = body.data;
  const row = await ctx.runMutation(internal.webhooks.update, {
    workspaceId: caller.workspaceId,
    id: params["id"] ?? "",
    ...defined(rest),
    ...(newDescription !== undefined ? { description: newDescription } : {}),
  });
  return row === null ? subscriptionNotFound() : jsonResponse({ data: row });
};

const remove: RestHandler = async (ctx, _request, caller, params) => {
  const id = params["id"] ?? "";
  const removed = await ctx.runMutation(internal.webhooks.remove, { workspaceId: caller.workspaceId, id });
  return removed ? jsonResponse({ data: { id, deleted: true } }) : subscriptionNotFound();
};

/** A new secret (shown once); the previous ones keep signing for `overlapSeconds` (default a day). */
const rotateSecret: RestHandler = async (ctx, request, caller, params) => {
  const body = await optionalBody(request, rotateBody);
  if (!body.ok) return body.response;
  const row = await ctx.runAction(internal.webhooks.rotateSecret, {
    workspaceId: caller.workspaceId,
    id: params["id"] ?? "",
    ...defined(body.data),
  });
  return row === null ? subscriptionNotFound() : jsonResponse({ data: row });
};

const listDeliveries: RestHandler = async (ctx, request, caller, params) => {
  const query = parseQuery(request, deliveriesQuery, ["status", "limit"]);
  if (!query.ok) return query.response;
  const id = params["id"] ?? "";
  if ((await ctx.runQuery(internal.webhooks.get, { workspaceId: caller.workspaceId, id })) === null) return subscriptionNotFound();
  const rows = await ctx.runQuery(internal.outgoing.deliveries.listForSource, {
    workspaceId: caller.workspaceId,
    sourceId: id,
    limit: query.data.limit,
    ...defined({ status: query.data.status }),
  });
  return jsonResponse({ data: rows });
};

const readDelivery: RestHandler = async (ctx, _request, caller, params) => {
  const ids = { workspaceId: caller.workspaceId, id: params["id"] ?? "", deliveryId: params["deliveryId"] ?? "" };
  if (!(await ctx.runQuery(internal.webhooks.ownsDelivery, ids))) return deliveryNotFound();
  const detail = await ctx.runQuery(internal.outgoing.deliveries.getDetail, { workspaceId: ids.workspaceId, deliveryId: ids.deliveryId });
  return detail === null ? deliveryNotFound() : jsonResponse({ data: detail });
};

/** 202: the event is queued again as a new delivery (its `replayOf` names the original). */
const replay: RestHandler = async (ctx, _request, caller, params) => {
  const row = await ctx.runMutation(internal.webhooks.replay, {
    workspaceId: caller.workspaceId,
    id: params["id"] ?? "",
    deliveryId: params["deliveryId"] ?? "",
  });
  return row === null ? deliveryNotFound() : jsonResponse({ data: row }, 202);
};

export const WEBHOOK_ROUTES: Route[] = [
  { pattern: ["webhooks"], methods: { GET: list, POST: create } },
  { pattern: ["webhooks", ":id"], methods: { GET: read, PATCH: update, DELETE: remove } },
  { pattern: ["webhooks", ":id", "rotate-secret"], methods: { POST: rotateSecret } },
  { pattern: ["webhooks", ":id", "deliveries"], methods: { GET: listDeliveries } },
  { pattern: ["webhooks", ":id", "deliveries", ":deliveryId"], methods: { GET: readDelivery } },
  { pattern: ["webhooks", ":id", "deliveries", ":deliveryId", "replay"], methods: { POST: replay } },
];
