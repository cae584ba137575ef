import { z } from "zod";
import { internal } from "../_generated/api";
import { conversationParams } from "./conversations";
import { errorResponse, jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { defined, trimmedText } from "./restHelpers";
import { activityView, dataOf, epochMs } from "./views";

/*
 * Typing indicators and "seen" receipts for agents:
 *   GET  /api/v1/conversations/{id}/activity   is the visitor typing? when did each side last read?
 *   POST /api/v1/conversations/{id}/typing     {typing?: true, authorName?} the agent types (≈5 s per call)
 *   POST /api/v1/conversations/{id}/read       the agent has read it (the visitor sees "Seen")
 */

const typingBody = z.strictObject({
  typing: z.boolean().default(true).describe("false stops the indicator."),
  authorName: trimmedText(100).optional().describe('The visitor sees "<authorName> is typing…".'),
});
const conversationNotFound = () => errorResponse("NOT_FOUND", "Conversation not found.");
const TAGS = ["Conversations"];

export const ACTIVITY_ROUTES: Route[] = [
  defineRoute({
    method: "GET",
    path: "/conversations/{id}/activity",
    operationId: "getConversationActivity",
    summary: "Is the visitor typing; when did each side last read",
    tags: TAGS,
    params: conversationParams,
    responses: { 200: { description: "Activity", schema: dataOf(activityView) } },
    handler: async ({ ctx, caller, params }) => {
      const activity = await ctx.runQuery(internal.conversationActivity.forAgent, {
        workspaceId: caller.workspaceId,
        conversationId: params.id,
      });
      return activity === null ? conversationNotFound() : jsonResponse({ data: activity });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/conversations/{id}/typing",
    operationId: "setAgentTyping",
    summary: "The agent is typing (about 5 s per call); a reply ends it",
    tags: TAGS,
    params: conversationParams,
    body: typingBody,
    bodyOptional: true,
    responses: {
      200: {
        description: "The indicator's state",
        schema: dataOf(z.object({ typing: z.boolean(), expiresAt: epochMs.nullable() })),
      },
    },
    handler: async ({ ctx, caller, params, body }) => {
      const result = await ctx.runMutation(internal.conversationActivity.setAgentTyping, {
        workspaceId: caller.workspaceId,
        conversationId: params.id,
        typing: body.typing,
        ...defined({ authorName: body.authorName }),
      });
      return result === null ? conversationNotFound() : jsonResponse({ data: result });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/conversations/{id}/read",
    operationId: "markReadByAgent",
    summary: "The agent has read the conversation (unreadByAgent 0; the visitor sees Seen)",
    tags: TAGS,
    params: conversationParams,
    responses: { 200: { description: "When it was read", schema: dataOf(z.object({ readByAgentAt: epochMs })) } },
    handler: async ({ ctx, caller, params }) => {
      const result = await ctx.runMutation(internal.conversationActivity.markReadByAgent, {
        workspaceId: caller.workspaceId,
        conversationId: params.id,
      });
      return result === null ? conversationNotFound() : jsonResponse({ data: result });
    },
  }),
];
