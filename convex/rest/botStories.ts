import { z } from "zod";
import { internal } from "../_generated/api";
import { pageOf, pageParams, pageResponse } from "./pagination";
import { errorResponse, jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { idParams } from "./restHelpers";
import { dataOf, deleted, epochMs } from "./views";

/*
 * Bot stories and the one that greets new conversations. Stories are checked
 * by core/bots (errors name the node path and field).
 */

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

const storyNotFound = () => errorResponse("NOT_FOUND", "Story not found.");
const TAGS = ["Bots"];

export const BOT_STORY_ROUTES: Route[] = [
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
