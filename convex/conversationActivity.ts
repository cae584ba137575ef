import { v } from "convex/values";
import { internalMutation, internalQuery } from "./_generated/server";
import { checkLength } from "./lib/inputRules";
import { visitorMutation, visitorQuery } from "./model/visitorFunctions";
import { findWorkspaceConversation, getVisitorConversation } from "./model/conversations";
import { activeTyping, setTyping } from "./model/typing";

/*
 * What happens around the messages: typing indicators both ways and "seen"
 * receipts. The visitor reports typing and reads with the widget (reads via
 * conversations:markAsRead); agents through REST (rest/activity.ts). An
 * indicator expires ~5 s after the last report; clients hide it at
 * `expiresAt` themselves, since a query does not re-run as time passes.
 */

export type VisitorActivity = {
  agentTyping: { name: string | null; expiresAt: number } | null;
  /** When an agent last read the conversation: the visitor's messages before it are "Seen". */
  readByAgentAt: number | null;
};

export const get = visitorQuery({
  args: { conversationId: v.string() },
  handler: async (ctx, args): Promise<VisitorActivity> => {
    const conversation = await getVisitorConversation(ctx.db, ctx.visitor, args.conversationId);
    return {
      agentTyping: await activeTyping(ctx.db, conversation._id, "agent", Date.now()),
      readByAgentAt: conversation.readByAgentAt ?? null,
    };
  },
});

export const setVisitorTyping = visitorMutation({
  args: { conversationId: v.string(), typing: v.boolean() },
  handler: async (ctx, args): Promise<{ expiresAt: number | null }> => {
    const conversation = await getVisitorConversation(ctx.db, ctx.visitor, args.conversationId);
    return { expiresAt: await setTyping(ctx.db, conversation._id, "visitor", args.typing, Date.now()) };
  },
});

// ---- Agents (REST) ----

export type AgentActivity = {
  visitorTyping: boolean;
  visitorTypingExpiresAt: number | null;
  readByVisitorAt: number | null;
  readByAgentAt: number | null;
};

const conversationArgs = { workspaceId: v.id("workspaces"), conversationId: v.string() };

export const forAgent = internalQuery({
  args: conversationArgs,
  handler: async (ctx, args): Promise<AgentActivity | null> => {
    const conversation = await findWorkspaceConversation(ctx.db, args.workspaceId, args.conversationId);
    if (conversation === null) return null;
    const typing = await activeTyping(ctx.db, conversation._id, "visitor", Date.now());
    return {
      visitorTyping: typing !== null,
      visitorTypingExpiresAt: typing?.expiresAt ?? null,
      readByVisitorAt: conversation.readByVisitorAt ?? null,
      readByAgentAt: conversation.readByAgentAt ?? null,
    };
  },
});

export const setAgentTyping = internalMutation({
  args: { ...conversationArgs, typing: v.boolean(), authorName: v.optional(v.string()) },
  handler: async (ctx, args): Promise<{ typing: boolean; expiresAt: number | null } | null> => {
    checkLength(args.authorName, "authorName", 100);
    const conversation = await findWorkspaceConversation(ctx.db, args.workspaceId, args.conversationId);
    if (conversation === null) return null;
    const expiresAt = await setTyping(ctx.db, conversation._id, "agent", args.typing, Date.now(), args.authorName);
    return { typing: expiresAt !== null, expiresAt };
  },
});

/** An agent has read the conversation: no unread for the team, and the visitor's messages show "Seen". */
export const markReadByAgent = internalMutation({
  args: conversationArgs,
  handler: async (ctx, args): Promise<{ readByAgentAt: number } | null> => {
    const conversation = await findWorkspaceConversation(ctx.db, args.workspaceId, args.conversationId);
    if (conversation === null) return null;
    const readByAgentAt = Date.now();
    await ctx.db.patch(conversation._id, { unreadByAgent: 0, readByAgentAt });
    return { readByAgentAt };
  },
});
