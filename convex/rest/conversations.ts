import { z } from "zod";
import { internal } from "../_generated/api";
import type { ActionCtx } from "../_generated/server";
import { MESSAGE_BODY_MAX } from "../lib/inputRules";
import type { ApiCaller } from "./auth";
import { errorResponse, jsonResponse } from "./responses";
import { readJsonBody, zodFieldErrors } from "./parsing";

export type RestHandler = (
  ctx: ActionCtx,
  request: Request,
  caller: ApiCaller,
  params: Record<string, string>,
) => Promise<Response>;

const listQuery = z.object({
  status: z.enum(["open", "closed"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const replyBody = z.object({
  text: z.string().trim().min(1, "text must not be empty").max(MESSAGE_BODY_MAX),
  authorName: z.string().trim().min(1).max(100).optional(),
});

const conversationNotFound = () => errorResponse("NOT_FOUND", "Conversation not found.");

/** GET /api/v1/conversations?status=open|closed&limit=1..100 */
export const listConversations: RestHandler = async (ctx, request, caller) => {
  const params = new URL(request.url).searchParams;
  const parsed = listQuery.safeParse({
    status: params.get("status") ?? undefined,
    limit: params.get("limit") ?? undefined,
  });
  if (!parsed.success) {
    return errorResponse("INVALID_ARGUMENT", "Invalid query parameters.", { fields: zodFieldErrors(parsed.error) });
  }
  const conversations = await ctx.runQuery(internal.conversations.listForWorkspace, {
    workspaceId: caller.workspaceId,
    limit: parsed.data.limit,
    ...(parsed.data.status !== undefined ? { status: parsed.data.status } : {}),
  });
  return jsonResponse({ data: conversations });
};

/** GET /api/v1/conversations/{id}/messages */
export const listMessages: RestHandler = async (ctx, _request, caller, params) => {
  const messages = await ctx.runQuery(internal.messages.listForAgent, {
    workspaceId: caller.workspaceId,
    conversationId: params["id"] ?? "",
  });
  return messages === null ? conversationNotFound() : jsonResponse({ data: messages });
};

/** POST /api/v1/conversations/{id}/messages  {"text", "authorName"?} */
export const replyToConversation: RestHandler = async (ctx, request, caller, params) => {
  const json = await readJsonBody(request);
  if (!json.ok) return json.response;
  const parsed = replyBody.safeParse(json.value);
  if (!parsed.success) {
    return errorResponse("INVALID_ARGUMENT", "Invalid request body.", { fields: zodFieldErrors(parsed.error) });
  }
  const message = await ctx.runMutation(internal.messages.sendFromAgent, {
    workspaceId: caller.workspaceId,
    conversationId: params["id"] ?? "",
    body: parsed.data.text,
    ...(parsed.data.authorName !== undefined ? { authorName: parsed.data.authorName } : {}),
  });
  return message === null ? conversationNotFound() : jsonResponse({ data: message }, 201);
};

/** POST /api/v1/conversations/{id}/close */
export const closeConversation: RestHandler = async (ctx, _request, caller, params) => {
  const conversation = await ctx.runMutation(internal.conversations.close, {
    workspaceId: caller.workspaceId,
    conversationId: params["id"] ?? "",
  });
  return conversation === null ? conversationNotFound() : jsonResponse({ data: conversation });
};
