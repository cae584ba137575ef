import { v } from "convex/values";
import { internal } from "./_generated/api";
import { action, mutation, query } from "./_generated/server";
import { appError } from "./lib/errors";
import { connectionDetail, connectionSummary, type ConnectionDetail, type ConnectionSummary } from "./model/botConnections";
import { createConnection as createConnectionWith, replaceConnection as replaceConnectionWith } from "./model/botConnectionSaves";
import { activeStoryRow, checkedStory, findRow, setActiveStory, storyName, storyView, type StoryView } from "./model/botStories";
import { requireMember } from "./model/members";
import { requireWorkspaceConversation } from "./model/inbox";
import { runOf } from "./model/botRunner";
import { appendAudit } from "./audit";

/*
 * The inbox's Settings → Bots page (admins): stories with their JSON, the
 * webhook connections with their last error, and which story greets new
 * conversations. Connections are saved as the REST API saves them (the same
 * field rules, the URL's challenge on create and on a URL change, sealed
 * secrets: model/botConnectionSaves.ts), and audited.
 */

const connectionArgs = {
  name: v.string(),
  url: v.string(),
  token: v.optional(v.string()),
  headers: v.optional(v.record(v.string(), v.string())),
  auth: v.optional(v.object({ username: v.string(), password: v.string() })),
};

export const overview = query({
  args: { workspaceId: v.string() },
  handler: async (ctx, args): Promise<{ stories: StoryView[]; connections: ConnectionSummary[] }> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    const active = await activeStoryRow(ctx.db, workspaceId);
    const stories = await ctx.db
      .query("botStories")
      .withIndex("by_workspace", (q) => q.eq("workspaceId", workspaceId))
      .take(200);
    const connections = await ctx.db
      .query("botConnections")
      .withIndex("by_workspace", (q) => q.eq("workspaceId", workspaceId))
      .take(200);
    return {
      stories: stories.map((row) => storyView(row, active?.storyId)),
      connections: await Promise.all(connections.map(async (row) => connectionSummary(row, await storyName(ctx.db, row.storyId)))),
    };
  },
});

/** Creates a story (no storyId) or replaces one; checked by core/bots, errors name the node's path. */
export const saveStory = mutation({
  args: { workspaceId: v.string(), storyId: v.optional(v.string()), story: v.any() },
  handler: async (ctx, args): Promise<{ storyId: string }> => {
    const { workspaceId, userId } = await requireMember(ctx, args.workspaceId, "admin");
    const story = checkedStory(args.story);
    const now = Date.now();
    let storyId;
    if (args.storyId === undefined) {
      storyId = await ctx.db.insert("botStories", { workspaceId, ...story, createdAt: now, updatedAt: now });
    } else {
      const row = await findRow(ctx.db, "botStories", workspaceId, args.storyId);
      if (row === null) throw appError("NOT_FOUND", "Story not found.", "storyId");
      await ctx.db.patch("botStories", row._id, { ...story, updatedAt: now });
      storyId = row._id;
    }
    const actor = { type: "operator" as const, id: userId };
    await appendAudit(ctx.db, { workspaceId, action: "bot_story.saved", actor, target: { type: "bot_story", id: storyId } });
    return { storyId };
  },
});

export const setActive = mutation({
  args: { workspaceId: v.string(), storyId: v.union(v.string(), v.null()) },
  handler: async (ctx, args): Promise<null> => {
    const { workspaceId, userId } = await requireMember(ctx, args.workspaceId, "admin");
    const storyId = await setActiveStory(ctx.db, workspaceId, args.storyId);
    const target = storyId === null ? { type: "bot_story" } : { type: "bot_story", id: storyId };
    await appendAudit(ctx.db, { workspaceId, action: "bot_story.activated", actor: { type: "operator", id: userId }, target });
    return null;
  },
});

/** One connection with its token, headers, basic auth and signing secret, for its edit form. */
export const connection = query({
  args: { workspaceId: v.string(), connectionId: v.string() },
  handler: async (ctx, args): Promise<ConnectionDetail> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    const row = await findRow(ctx.db, "botConnections", workspaceId, args.connectionId);
    if (row === null) throw appError("NOT_FOUND", "Webhook connection not found.", "connectionId");
    return await connectionDetail(row, await storyName(ctx.db, row.storyId));
  },
});

export const createConnection = action({
  args: { workspaceId: v.string(), storyId: v.string(), ...connectionArgs },
  handler: async (ctx, { workspaceId: requested, storyId, ...fields }): Promise<{ id: string }> => {
    const { workspaceId, actor } = await ctx.runQuery(internal.members.requireAdmin, { workspaceId: requested });
    const { id } = await createConnectionWith(ctx, workspaceId, storyId, fields);
    await ctx.runMutation(internal.audit.record, { workspaceId, action: "bot_connection.created", actor, target: { type: "bot_connection", id } });
    return { id };
  },
});

/** Replaces a connection as the REST PUT does: a token, headers or auth left out are removed. */
export const updateConnection = action({
  args: { workspaceId: v.string(), connectionId: v.string(), ...connectionArgs },
  handler: async (ctx, { workspaceId: requested, connectionId, ...fields }): Promise<null> => {
    const { workspaceId, actor } = await ctx.runQuery(internal.members.requireAdmin, { workspaceId: requested });
    if (!(await replaceConnectionWith(ctx, workspaceId, connectionId, fields))) throw appError("NOT_FOUND", "Webhook connection not found.", "connectionId");
    await ctx.runMutation(internal.audit.record, { workspaceId, action: "bot_connection.updated", actor, target: { type: "bot_connection", id: connectionId } });
    return null;
  },
});

export const removeConnection = mutation({
  args: { workspaceId: v.string(), connectionId: v.string() },
  handler: async (ctx, args): Promise<null> => {
    const { workspaceId, userId } = await requireMember(ctx, args.workspaceId, "admin");
    const row = await findRow(ctx.db, "botConnections", workspaceId, args.connectionId);
    if (row === null) throw appError("NOT_FOUND", "Webhook connection not found.", "connectionId");
    await ctx.db.delete("botConnections", row._id);
    await appendAudit(ctx.db, { workspaceId, action: "bot_connection.deleted", actor: { type: "operator", id: userId }, target: { type: "bot_connection", id: row._id } });
    return null;
  },
});

export type InboxBotRun = {
  storyName: string;
  status: string;
  attributes: Record<string, string>;
  handoffReason: string | null;
};

/** The inbox sidebar: the bot's collected attributes and why it handed off. */
export const runForInbox = query({
  args: { workspaceId: v.string(), conversationId: v.string() },
  handler: async (ctx, args): Promise<InboxBotRun | null> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    const conversation = await requireWorkspaceConversation(ctx.db, workspaceId, args.conversationId);
    const run = await runOf(ctx.db, conversation._id);
    if (run === null) return null;
    const story = await ctx.db.get("botStories", run.storyId);
    return {
      storyName: story?.name ?? "(deleted story)",
      status: run.status,
      attributes: run.attributes,
      handoffReason: run.handoffReason ?? null,
    };
  },
});
