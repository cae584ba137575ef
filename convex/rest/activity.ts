import { z } from "zod";
import { internal } from "../_generated/api";
import { parseBody, type Route } from "./contentCrud";
import type { RestHandler } from "./conversations";
import { defined, trimmedText } from "./restHelpers";
import { errorResponse, jsonResponse } from "./responses";

/*
 * Typing indicators and "seen" receipts for agents:
 *   GET  /api/v1/conversations/{id}/activity   is the visitor typing? when did each side last read?
 *   POST /api/v1/conversations/{id}/typing     {typing?: true, authorName?} the agent types (≈5 s per call)
 *   POST /api/v1/conversations/{id}/read       the agent has read it (the visitor sees "Seen")
 */

const typingBody = z.strictObject({ typing: z.boolean().default(true), authorName: trimmedText(100).optional() });
const conversationNotFound = () => errorResponse("NOT_FOUND", "Conversation not found.");

/** An empty body counts as `{}`. */
async function bodyOrEmpty(request: Request): Promise<Request> {
  const text = await request.clone().text();
  return text.trim() === "" ? new Request(request.url, { method: "POST", body: "{}" }) : request;
}

const getActivity: RestHandler = async (ctx, _request, caller, params) => {
  const activity = await ctx.runQuery(internal.conversationActivity.forAgent, {
    workspaceId: caller.workspaceId,
    conversationId: params["id"] ?? "",
  });
  return activity === null ? conversationNotFound() : jsonResponse({ data: activity });
};

const postTyping: RestHandler = async (ctx, request, caller, params) => {
  const body = await parseBody(await bodyOrEmpty(request), typingBody);
  if (!body.ok) return body.response;
  const result = await ctx.runMutation(internal.conversationActivity.setAgentTyping, {
    workspaceId: caller.workspaceId,
    conversationId: params["id"] ?? "",
    typing: body.data.typing,
    ...defined({ authorName: body.data.authorName }),
  });
  return result === null ? conversationNotFound() : jsonResponse({ data: result });
};

const postRead: RestHandler = async (ctx, _request, caller, params) => {
  const result = await ctx.runMutation(internal.conversationActivity.markReadByAgent, {
    workspaceId: caller.workspaceId,
    conversationId: params["id"] ?? "",
  });
  return result === null ? conversationNotFound() : jsonResponse({ data: result });
};

export const ACTIVITY_ROUTES: Route[] = [
  { pattern: ["conversations", ":id", "activity"], methods: { GET: getActivity } },
  { pattern: ["conversations", ":id", "typing"], methods: { POST: postTyping } },
  { pattern: ["conversations", ":id", "read"], methods: { POST: postRead } },
];
