import { v } from "convex/values";
import { boundedPage, mapPage } from "./lib/pages";
import { paginationOptsValidator, type PaginationResult } from "convex/server";
import { internalMutation, internalQuery } from "./_generated/server";
import { apiCollection, type ApiCollection } from "./lib/helpCenterViews";
import { findInWorkspace } from "./model/engagement";

/*
 * Help-center collections (admin side; visitors read them through
 * articles:listCollections). Deleting a collection keeps its articles: they
 * become uncategorized.
 */

const workspaceArgs = { workspaceId: v.id("workspaces") };
const collectionFields = {
  name: v.optional(v.string()),
  /** null clears it. */
  description: v.optional(v.union(v.string(), v.null())),
  order: v.optional(v.number()),
};

/** One page of the workspace's collections, by their order. */
export const adminList = internalQuery({
  args: { ...workspaceArgs, paginationOpts: paginationOptsValidator },
  handler: async (ctx, args): Promise<PaginationResult<ApiCollection>> => {
    const page = await ctx.db
      .query("articleCollections")
      .withIndex("by_workspace_order", (q) => q.eq("workspaceId", args.workspaceId))
      .paginate(boundedPage(args.paginationOpts));
    return await mapPage(page, apiCollection);
  },
});

export const adminGet = internalQuery({
  args: { ...workspaceArgs, id: v.string() },
  handler: async (ctx, args): Promise<ApiCollection | null> => {
    const collection = await findInWorkspace(ctx.db, "articleCollections", args.workspaceId, args.id);
    return collection === null ? null : apiCollection(collection);
  },
});

export const adminCreate = internalMutation({
  args: { ...workspaceArgs, ...collectionFields, name: v.string() },
  handler: async (ctx, args): Promise<ApiCollection> => {
    const now = Date.now();
    const id = await ctx.db.insert("articleCollections", {
      workspaceId: args.workspaceId,
      name: args.name,
      order: args.order ?? 0,
      createdAt: now,
      updatedAt: now,
      ...(typeof args.description === "string" ? { description: args.description } : {}),
    });
    const created = await ctx.db.get(id);
    if (created === null) throw new Error("Collection vanished right after insert");
    return apiCollection(created);
  },
});

export const adminUpdate = internalMutation({
  args: { ...workspaceArgs, id: v.string(), ...collectionFields },
  handler: async (ctx, args): Promise<ApiCollection | null> => {
    const collection = await findInWorkspace(ctx.db, "articleCollections", args.workspaceId, args.id);
    if (collection === null) return null;
    const { workspaceId: _workspaceId, id: _id, description, ...fields } = args;
    await ctx.db.patch(collection._id, {
      ...fields,
      ...(description !== undefined ? { description: description ?? undefined } : {}),
      updatedAt: Date.now(),
    });
    const updated = await ctx.db.get(collection._id);
    return updated === null ? null : apiCollection(updated);
  },
});

export const adminRemove = internalMutation({
  args: { ...workspaceArgs, id: v.string() },
  handler: async (ctx, args): Promise<boolean> => {
    const collection = await findInWorkspace(ctx.db, "articleCollections", args.workspaceId, args.id);
    if (collection === null) return false;
    const articles = await ctx.db
      .query("articles")
      .withIndex("by_collection_order", (q) => q.eq("collectionId", collection._id))
      .collect();
    for (const article of articles) await ctx.db.patch(article._id, { collectionId: undefined, updatedAt: Date.now() });
    await ctx.db.delete(collection._id);
    return true;
  },
});
