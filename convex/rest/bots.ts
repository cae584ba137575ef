import { z } from "zod";
import { pageOf, pageParams, pageResponse, runPage } from "./pagination";
import { CONNECTION_LIMITS as C } from "../../core/bots/limits";
import { internal } from "../_generated/api";
import { errorResponse, jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { defined, idParams } from "./restHelpers";
import { dataOf, deleted, epochMs } from "./views";

/*
 * Bot webhook connections, shaped as the chatbot webhook protocol's API (its
 * bodies, sizes and answers, unwrapped), and bot stories with the active one.
 * Stories are checked by core/bots (errors name the node path and field).
 */

const sized = (min: number, max: number) => z.string().min(min).max(max);
const headers = z
  .record(
    sized(1, C.headerNameMax).regex(
      /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/,
      "must be an HTTP header name",
    ),
    sized(0, C.headerValueMax),
  )
  .refine(
    (value) =>
      Object.keys(value).length >= C.headersMin &&
      Object.keys(value).length <= C.headersMax,
    {
      message: `must hold ${C.headersMin} to ${C.headersMax} headers`,
    },
  );
const connectionBody = {
  name: sized(1, C.nameMax),
  url: sized(1, C.urlMax),
  token: sized(1, C.tokenMax).optional(),
  headers: headers.optional(),
  auth: z
    .strictObject({
      username: sized(1, C.authFieldMax),
      password: sized(1, C.authFieldMax),
    })
    .optional(),
};
const createBody = z.strictObject({
  storyId: z
    .string()
    .min(1)
    .max(64)
    .describe("The story the connection belongs to (our id)."),
  ...connectionBody,
});
const updateBody = z.strictObject(connectionBody);

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

const storyBody = z
  .object({
    name: z.string(),
    startNodeId: z.string(),
    nodes: z.array(z.unknown()),
  })
  .loose();
const storyView = z
  .object({
    id: z.string(),
    name: z.string(),
    startNodeId: z.string(),
    nodes: z.array(z.unknown()),
    active: z.boolean(),
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .meta({ id: "BotStory" });

const connectionNotFound = () =>
  errorResponse("NOT_FOUND", "Webhook connection not found.");
const storyNotFound = () => errorResponse("NOT_FOUND", "Story not found.");
const stamp = (code: number, type: string) => ({
  timestamp: new Date().toISOString(),
  status: { code, type },
});
const TAGS = ["Bots"];
const NEXT_CURSOR_HEADER = {
  "Opencom-Next-Cursor": { description: "Pass as `cursor` for the next page; absent on the last one.", schema: { type: "string" as const } },
};

const CONNECTION_ROUTES: Route[] = [
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
        name: body.name,
        url: body.url,
        ...defined({
          token: body.token,
          headers: body.headers,
          auth: body.auth,
        }),
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
        name: body.name,
        url: body.url,
        ...defined({
          token: body.token,
          headers: body.headers,
          auth: body.auth,
        }),
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

const STORY_ROUTES: Route[] = [
  defineRoute({
    method: "GET",
    path: "/bot/stories",
    operationId: "listBotStories",
    summary: "List bot stories, oldest first, a page at a time",
    tags: TAGS,
    query: z.object(pageParams()),
    responses: {
      200: { description: "One page of stories", schema: pageOf(storyView) },
    },
    handler: async ({ ctx, caller, query }) =>
      await pageResponse(query, (paginationOpts) => ctx.runQuery(internal.botAdmin.listStories, { workspaceId: caller.workspaceId, paginationOpts })),
  }),
  defineRoute({
    method: "POST",
    path: "/bot/stories",
    operationId: "createBotStory",
    summary:
      "Create a story; every link must point at a node and every node be reachable",
    tags: TAGS,
    body: storyBody,
    responses: { 201: { description: "The story", schema: dataOf(storyView) } },
    handler: async ({ ctx, caller, body }) =>
      jsonResponse(
        {
          data: await ctx.runMutation(internal.botAdmin.createStory, {
            workspaceId: caller.workspaceId,
            story: body,
          }),
        },
        201,
      ),
  }),
  defineRoute({
    method: "GET",
    path: "/bot/stories/{id}",
    operationId: "getBotStory",
    summary: "Read a story",
    tags: TAGS,
    params: idParams("story"),
    responses: { 200: { description: "Story", schema: dataOf(storyView) } },
    handler: async ({ ctx, caller, params }) => {
      const row = await ctx.runQuery(internal.botAdmin.getStory, {
        workspaceId: caller.workspaceId,
        id: params.id,
      });
      return row === null ? storyNotFound() : jsonResponse({ data: row });
    },
  }),
  defineRoute({
    method: "PUT",
    path: "/bot/stories/{id}",
    operationId: "replaceBotStory",
    summary: "Replace a story",
    tags: TAGS,
    params: idParams("story"),
    body: storyBody,
    responses: { 200: { description: "Story", schema: dataOf(storyView) } },
    handler: async ({ ctx, caller, params, body }) => {
      const row = await ctx.runMutation(internal.botAdmin.replaceStory, {
        workspaceId: caller.workspaceId,
        id: params.id,
        story: body,
      });
      return row === null ? storyNotFound() : jsonResponse({ data: row });
    },
  }),
  defineRoute({
    method: "DELETE",
    path: "/bot/stories/{id}",
    operationId: "deleteBotStory",
    summary: "Delete a story (409 while a connection belongs to it)",
    tags: TAGS,
    params: idParams("story"),
    errors: [409],
    responses: { 200: { description: "Deleted", schema: dataOf(deleted) } },
    handler: async ({ ctx, caller, params: { id } }) => {
      const removed = await ctx.runMutation(internal.botAdmin.removeStory, {
        workspaceId: caller.workspaceId,
        id,
      });
      return removed
        ? jsonResponse({ data: { id, deleted: true } })
        : storyNotFound();
    },
  }),
  defineRoute({
    method: "PUT",
    path: "/bot/active-story",
    operationId: "setActiveBotStory",
    summary: "Pick the story that greets new conversations (null: none)",
    tags: TAGS,
    body: z.strictObject({ storyId: z.string().nullable() }),
    responses: {
      200: {
        description: "The active story",
        schema: dataOf(z.object({ storyId: z.string().nullable() })),
      },
    },
    handler: async ({ ctx, caller, body }) =>
      jsonResponse({
        data: await ctx.runMutation(internal.botAdmin.setActiveStory, {
          workspaceId: caller.workspaceId,
          storyId: body.storyId,
        }),
      }),
  }),
];

export const BOT_ROUTES: Route[] = [...CONNECTION_ROUTES, ...STORY_ROUTES];
