import { v } from "convex/values";
import { paginationOptsValidator, type PaginationResult } from "convex/server";
import { boundedPage, mapPage } from "./lib/pages";
import { internalAction, internalMutation, internalQuery } from "./_generated/server";
import { appError } from "./lib/errors";
import { createConnection as createConnectionWith, replaceConnection as replaceConnectionWith } from "./model/botConnectionSaves";
import { activeStoryRow, checkedStory, findRow, setActiveStory as pickActiveStory, storyName, storyView, type StoryView } from "./model/botStories";
import { connectionDetail, connectionSummary, type ConnectionDetail, type ConnectionSummary } from "./model/botConnections";

/*
 * Bot webhook connections and stories, behind the REST API (rest/bots.ts) and
 * the inbox's Bots settings (botSettings.ts). A connection's URL must answer
 * the verification challenge before it is saved; its secrets are sealed
 * (model/botConnectionSaves.ts, the one path for both).
 */

const workspaceArgs = { workspaceId: v.id("workspaces") };
const connectionFields = {
  name: v.string(),
  url: v.string(),
  token: v.optional(v.string()),
  headers: v.optional(v.record(v.string(), v.string())),
  auth: v.optional(v.object({ username: v.string(), password: v.string() })),
};

export const createConnection = internalAction({
  args: { ...workspaceArgs, storyId: v.string(), ...connectionFields },
  handler: async (ctx, { workspaceId, storyId, ...fields }): Promise<{ id: string }> => await createConnectionWith(ctx, workspaceId, storyId, fields),
});

const sealedSecretsValidator = v.object({
  sealedToken: v.optional(v.string()),
  sealedHeaders: v.optional(v.array(v.object({ name: v.string(), sealed: v.string() }))),
  auth: v.optional(v.object({ sealedUsername: v.string(), sealedPassword: v.string(), sealedAuthorization: v.string() })),
});

export const insertConnection = internalMutation({
  args: { ...workspaceArgs, storyId: v.id("botStories"), name: v.string(), url: v.string(), secrets: sealedSecretsValidator, sealedSigningSecret: v.string() },
  handler: async (ctx, args): Promise<{ id: string }> => {
    const now = Date.now();
    const id = await ctx.db.insert("botConnections", {
      workspaceId: args.workspaceId,
      storyId: args.storyId,
      name: args.name,
      url: args.url,
      ...args.secrets,
      sealedSigningSecret: args.sealedSigningSecret,
      error: null,
      createdAt: now,
      updatedAt: now,
    });
    return { id };
  },
});

/** A PUT replaces the connection: a token, headers or auth left out are removed. Verified again when the URL changes. */
export const updateConnection = internalAction({
  args: { ...workspaceArgs, id: v.string(), ...connectionFields },
  handler: async (ctx, { workspaceId, id, ...fields }): Promise<boolean> => await replaceConnectionWith(ctx, workspaceId, id, fields),
});

export const replaceConnection = internalMutation({
  args: { ...workspaceArgs, id: v.string(), name: v.string(), url: v.string(), secrets: sealedSecretsValidator },
  handler: async (ctx, args): Promise<boolean> => {
    const row = await findRow(ctx.db, "botConnections", args.workspaceId, args.id);
    if (row === null) return false;
    await ctx.db.replace("botConnections", row._id, {
      workspaceId: row.workspaceId,
      storyId: row.storyId,
      name: args.name,
      url: args.url,
      ...args.secrets,
      sealedSigningSecret: row.sealedSigningSecret,
      error: row.error,
      createdAt: row.createdAt,
      updatedAt: Date.now(),
    });
    return true;
  },
});

export const listConnections = internalQuery({
  args: { ...workspaceArgs, paginationOpts: paginationOptsValidator },
  handler: async (ctx, args): Promise<PaginationResult<ConnectionSummary>> => {
    const page = await ctx.db
      .query("botConnections")
      .withIndex("by_workspace", (q) => q.eq("workspaceId", args.workspaceId))
      .paginate(boundedPage(args.paginationOpts));
    return await mapPage(page, async (row) => connectionSummary(row, await storyName(ctx.db, row.storyId)));
  },
});

export const getConnection = internalQuery({
  args: { ...workspaceArgs, id: v.string() },
  handler: async (ctx, args): Promise<ConnectionDetail | null> => {
    const row = await findRow(ctx.db, "botConnections", args.workspaceId, args.id);
    return row === null ? null : await connectionDetail(row, await storyName(ctx.db, row.storyId));
  },
});

export const removeConnection = internalMutation({
  args: { ...workspaceArgs, id: v.string() },
  handler: async (ctx, args): Promise<boolean> => {
    const row = await findRow(ctx.db, "botConnections", args.workspaceId, args.id);
    if (row === null) return false;
    await ctx.db.delete("botConnections", row._id);
    return true;
  },
});

export const listStories = internalQuery({
  args: { ...workspaceArgs, paginationOpts: paginationOptsValidator },
  handler: async (ctx, args): Promise<PaginationResult<StoryView>> => {
    const active = await activeStoryRow(ctx.db, args.workspaceId);
    const page = await ctx.db
      .query("botStories")
      .withIndex("by_workspace", (q) => q.eq("workspaceId", args.workspaceId))
      .paginate(boundedPage(args.paginationOpts));
    return await mapPage(page, (row) => storyView(row, active?.storyId));
  },
});

export const getStory = internalQuery({
  args: { ...workspaceArgs, id: v.string() },
  handler: async (ctx, args): Promise<StoryView | null> => {
    const row = await findRow(ctx.db, "botStories", args.workspaceId, args.id);
    return row === null ? null : storyView(row, (await activeStoryRow(ctx.db, args.workspaceId))?.storyId);
  },
});

export const createStory = internalMutation({
  args: { ...workspaceArgs, story: v.any() },
  handler: async (ctx, args): Promise<StoryView> => {
    const story = checkedStory(args.story);
    const now = Date.now();
    const id = await ctx.db.insert("botStories", { workspaceId: args.workspaceId, ...story, createdAt: now, updatedAt: now });
    const row = await ctx.db.get("botStories", id);
    if (row === null) throw new Error("Story vanished right after insert");
    return storyView(row, (await activeStoryRow(ctx.db, args.workspaceId))?.storyId);
  },
});

export const replaceStory = internalMutation({
  args: { ...workspaceArgs, id: v.string(), story: v.any() },
  handler: async (ctx, args): Promise<StoryView | null> => {
    const row = await findRow(ctx.db, "botStories", args.workspaceId, args.id);
    if (row === null) return null;
    const story = checkedStory(args.story);
    await ctx.db.patch("botStories", row._id, { ...story, updatedAt: Date.now() });
    const after = await ctx.db.get("botStories", row._id);
    return after === null ? null : storyView(after, (await activeStoryRow(ctx.db, args.workspaceId))?.storyId);
  },
});

export const removeStory = internalMutation({
  args: { ...workspaceArgs, id: v.string() },
  handler: async (ctx, args): Promise<boolean> => {
    const row = await findRow(ctx.db, "botStories", args.workspaceId, args.id);
    if (row === null) return false;
    const connection = await ctx.db
      .query("botConnections")
      .withIndex("by_story", (q) => q.eq("storyId", row._id))
      .first();
    if (connection !== null) throw appError("CONFLICT", `Connection "${connection.name}" belongs to this story: delete it first.`, "id");
    const active = await activeStoryRow(ctx.db, args.workspaceId);
    if (active?.storyId === row._id) await ctx.db.delete("botActiveStories", active._id);
    await ctx.db.delete("botStories", row._id);
    return true;
  },
});

/** Picks the story that greets new conversations (null: none). */
export const setActiveStory = internalMutation({
  args: { ...workspaceArgs, storyId: v.union(v.string(), v.null()) },
  handler: async (ctx, args): Promise<{ storyId: string | null }> => {
    return { storyId: await pickActiveStory(ctx.db, args.workspaceId, args.storyId) };
  },
});
