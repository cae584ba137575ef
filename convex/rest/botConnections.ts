import { z } from "zod";
import { internal } from "../_generated/api";
import { connectionFieldsShape, storyIdSchema } from "../lib/botConnectionRules";
import { pageParams, runPage } from "./pagination";
import { errorResponse, jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { defined, idParams } from "./restHelpers";

/*
 * Bot webhook connections, shaped as the chatbot webhook protocol's API (its
 * bodies, sizes and answers, unwrapped). The fields and their sizes are the
 * ones the inbox's Settings → Bots checks too (lib/botConnectionRules.ts); a
 * create or URL change is verified by its challenge (model/botConnectionSaves.ts).
 */

const createBody = z.strictObject({ storyId: storyIdSchema, ...connectionFieldsShape });
const updateBody = z.strictObject(connectionFieldsShape);

const iso = z.string().describe("ISO 8601 time.");
const status = (code: number, type: string) =>
  z.object({ code: z.literal(code), type: z.literal(type) });
const connectionSummary = z
  .object({
    id: z.string(),
    story: z.object({ id: z.string(), name: z.string() }),
    name: z.string(),
    url: z.string(),
    error: z
      .string()
      .nullable()
      .describe(
        "The last failure as text, or null; cleared by the next success.",
      ),
    createdAt: iso,
    updatedAt: iso,
  })
  .meta({ id: "BotConnection" });
const connectionDetail = connectionSummary
  .extend({
    token: z.string().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    auth: z.object({ username: z.string(), password: z.string() }).optional(),
    signingSecret: z
      .string()
      .describe("Verifies the Opencom-Signature header of our calls."),
  })
  .meta({ id: "BotConnectionDetail" });
const done = (code: number, type: string) =>
  z.object({ timestamp: iso, status: status(code, type) });

const connectionNotFound = () => errorResponse("NOT_FOUND", "Webhook connection not found.");
const stamp = (code: number, type: string) => ({ timestamp: new Date().toISOString(), status: { code, type } });
const TAGS = ["Bots"];
const NEXT_CURSOR_HEADER = {
  "Opencom-Next-Cursor": { description: "Pass as `cursor` for the next page; absent on the last one.", schema: { type: "string" as const } },
};

/** What a create or replace stores, optional secrets left out when absent. */
function connectionFields(body: z.infer<typeof updateBody>) {
  return { name: body.name, url: body.url, ...defined({ token: body.token, headers: body.headers, auth: body.auth }) };
}

export const BOT_CONNECTION_ROUTES: Route[] = [
  defineRoute({
    method: "GET",
    path: "/integrations/webhook",
    operationId: "listBotConnections",
    summary: "List bot webhook connections, oldest first, a page at a time",
    description:
      "The body is a bare array, as the chatbot webhook protocol has it; the next page's cursor comes in the `Opencom-Next-Cursor` header (absent on the last page).",
    tags: TAGS,
    query: z.object(pageParams()),
    responses: {
      200: { description: "One page of connections", schema: z.array(connectionSummary), headers: NEXT_CURSOR_HEADER },
    },
    handler: async ({ ctx, caller, query }) => {
      const page = await runPage(query.cursor, (cursor) =>
        ctx.runQuery(internal.botAdmin.listConnections, { workspaceId: caller.workspaceId, paginationOpts: { numItems: query.limit, cursor } }),
      );
      if (page instanceof Response) return page;
      return jsonResponse(page.data, 200, page.nextCursor === null ? {} : { "Opencom-Next-Cursor": page.nextCursor });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/integrations/webhook",
    operationId: "createBotConnection",
    summary:
      "Connect a bot server; its URL must first echo GET ?challenge=<random>&token=<token>",
    tags: TAGS,
    body: createBody,
    responses: {
      201: {
        description: "Created",
        schema: done(201, "created").extend({ id: z.string() }),
      },
    },
    handler: async ({ ctx, caller, body }) => {
      const { id } = await ctx.runAction(internal.botAdmin.createConnection, {
        workspaceId: caller.workspaceId,
        storyId: body.storyId,
        ...connectionFields(body),
      });
      return jsonResponse({ id, ...stamp(201, "created") }, 201);
    },
  }),
  defineRoute({
    method: "GET",
    path: "/integrations/webhook/{id}",
    operationId: "getBotConnection",
    summary:
      "Read a connection with its token, headers, basic auth and signing secret",
    tags: TAGS,
    params: idParams("connection"),
    responses: { 200: { description: "Connection", schema: connectionDetail } },
    handler: async ({ ctx, caller, params }) => {
      const row = await ctx.runQuery(internal.botAdmin.getConnection, {
        workspaceId: caller.workspaceId,
        id: params.id,
      });
      return row === null ? connectionNotFound() : jsonResponse(row);
    },
  }),
  defineRoute({
    method: "PUT",
    path: "/integrations/webhook/{id}",
    operationId: "updateBotConnection",
    summary: "Replace a connection (a new URL is verified again)",
    tags: TAGS,
    params: idParams("connection"),
    body: updateBody,
    responses: {
      200: { description: "Updated", schema: done(200, "success") },
    },
    handler: async ({ ctx, caller, params, body }) => {
      const found = await ctx.runAction(internal.botAdmin.updateConnection, {
        workspaceId: caller.workspaceId,
        id: params.id,
        ...connectionFields(body),
      });
      return found ? jsonResponse(stamp(200, "success")) : connectionNotFound();
    },
  }),
  defineRoute({
    method: "DELETE",
    path: "/integrations/webhook/{id}",
    operationId: "deleteBotConnection",
    summary: "Delete a connection",
    tags: TAGS,
    params: idParams("connection"),
    responses: {
      200: { description: "Deleted", schema: done(200, "success") },
    },
    handler: async ({ ctx, caller, params }) => {
      const removed = await ctx.runMutation(
        internal.botAdmin.removeConnection,
        { workspaceId: caller.workspaceId, id: params.id },
      );
      return removed
        ? jsonResponse(stamp(200, "success"))
        : connectionNotFound();
    },
  }),
];
