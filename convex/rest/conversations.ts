import { z } from "zod";
import { internal } from "../_generated/api";
import { MESSAGE_BODY_MAX } from "../lib/inputRules";
import { replyAttachments, requireTextOrFiles } from "./files";
import { errorResponse, jsonResponse } from "./responses";
import { cursorParam, pageOf, pageResponse } from "./pagination";
import { defineRoute, type Route } from "./route";
import { conversationView, dataOf, listedMessageView } from "./views";

/*
 * /api/v1/conversations: list, read messages, reply as an agent, close. The
 * database work is in internal functions of conversations.ts and messages.ts.
 */

export const conversationParams = z.object({
  id: z.string().describe("The conversation's id. Unknown, malformed or another workspace's ids answer 404."),
});

const listQuery = z.object({
  status: z.enum(["open", "closed"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: cursorParam,
});

const messagesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: cursorParam,
});

const replyBody = z
  .object({
    text: z.string().trim().max(MESSAGE_BODY_MAX).optional().describe("Trimmed; 1 to 5000 characters remain (may be empty when files are attached)."),
    attachments: replyAttachments,
    authorName: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe("Shown to the visitor as the sender; the widget falls back to the team name."),
  })
  .superRefine(requireTextOrFiles);

const conversationNotFound = () => errorResponse("NOT_FOUND", "Conversation not found.");
const TAGS = ["Conversations"];

export const CONVERSATION_ROUTES: Route[] = [
  defineRoute({
    method: "GET",
    path: "/conversations",
    operationId: "listConversations",
    summary: "List conversations, most recently active first, a page at a time",
    tags: TAGS,
    query: listQuery,
    responses: { 200: { description: "One page of conversations", schema: pageOf(conversationView) } },
    handler: async ({ ctx, caller, query }) =>
      await pageResponse(query, (paginationOpts) =>
        ctx.runQuery(internal.conversations.listForWorkspace, {
          workspaceId: caller.workspaceId,
          paginationOpts,
          ...(query.status !== undefined ? { status: query.status } : {}),
        }),
      ),
  }),
  defineRoute({
    method: "GET",
    path: "/conversations/{id}/messages",
    operationId: "listMessages",
    summary: "The conversation's messages, oldest first, a page at a time",
    tags: TAGS,
    params: conversationParams,
    query: messagesQuery,
    responses: { 200: { description: "One page of messages", schema: pageOf(listedMessageView) } },
    handler: async ({ ctx, caller, params, query }) =>
      await pageResponse(
        query,
        (paginationOpts) => ctx.runQuery(internal.messages.listForAgent, { workspaceId: caller.workspaceId, conversationId: params.id, paginationOpts }),
        conversationNotFound,
      ),
  }),
  defineRoute({
    method: "POST",
    path: "/conversations/{id}/messages",
    operationId: "replyToConversation",
    summary: "Post an agent reply",
    description: "Sets unreadByAgent to 0, adds one to unreadByVisitor and becomes the preview; does not reopen a closed conversation.",
    tags: TAGS,
    params: conversationParams,
    body: replyBody,
    responses: { 201: { description: "The stored reply", schema: dataOf(listedMessageView) } },
    handler: async ({ ctx, caller, params, body }) => {
      const message = await ctx.runMutation(internal.messages.sendFromAgent, {
        workspaceId: caller.workspaceId,
        conversationId: params.id,
        body: body.text ?? "",
        ...(body.authorName !== undefined ? { authorName: body.authorName } : {}),
        ...(body.attachments !== undefined ? { fileIds: body.attachments } : {}),
      });
      return message === null ? conversationNotFound() : jsonResponse({ data: message }, 201);
    },
  }),
  defineRoute({
    method: "POST",
    path: "/conversations/{id}/close",
    operationId: "closeConversation",
    summary: "Close the conversation (idempotent)",
    tags: TAGS,
    params: conversationParams,
    responses: { 200: { description: "The closed conversation", schema: dataOf(conversationView) } },
    handler: async ({ ctx, caller, params }) => {
      const conversation = await ctx.runMutation(internal.conversations.close, {
        workspaceId: caller.workspaceId,
        conversationId: params.id,
      });
      return conversation === null ? conversationNotFound() : jsonResponse({ data: conversation });
    },
  }),
];
