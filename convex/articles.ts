import { v } from "convex/values";
import { boundedPage, mapPage } from "./lib/pages";
import { paginationOptsValidator, type PaginationResult } from "convex/server";
import type { Doc, Id } from "./_generated/dataModel";
import { internalMutation, internalQuery, type DatabaseReader } from "./_generated/server";
import { rankArticles, searchTerms, SEARCH_QUERY_MAX, snippet } from "./lib/articleSearch";
import { appError, invalidArgument } from "./lib/errors";
import {
  apiArticle,
  type ApiArticle,
  type WidgetArticle,
  type WidgetArticleHit,
  type WidgetCollection,
} from "./lib/helpCenterViews";
import { articleStatusValidator } from "./lib/messengerValidators";
import { visitorQuery } from "./model/visitorFunctions";
import { imageUrls, isForeignImage, storedImageKey, withoutForeignImages, type ImageRules } from "./lib/articleImages";
import { siteUrl } from "./lib/siteUrl";
import { FILE_PATH } from "./lib/attachmentPaths";
import { findInWorkspace } from "./model/engagement";

/*
 * Help-center articles. Visitors see published ones only: by collection, by
 * search (two search indexes, title and body, ranked title first), and one at
 * a time. Admin CRUD is internal and reached through REST (rest/helpCenter.ts);
 * collections live in articleCollections.ts.
 */

const COLLECTION_LIMIT = 50;
const ARTICLES_PER_COLLECTION = 100;
const INDEX_HITS = 25;

async function publishedIn(db: DatabaseReader, collectionId: Id<"articleCollections">): Promise<Doc<"articles">[]> {
  const rows = await db
    .query("articles")
    .withIndex("by_collection_order", (q) => q.eq("collectionId", collectionId))
    .take(ARTICLES_PER_COLLECTION * 2);
  return rows.filter((article) => article.status === "published").slice(0, ARTICLES_PER_COLLECTION);
}

/** The workspace's collections in order, each with its published articles (titles); empty ones left out. */
export const listCollections = visitorQuery({
  args: {},
  handler: async (ctx): Promise<WidgetCollection[]> => {
    const collections = await ctx.db
      .query("articleCollections")
      .withIndex("by_workspace_order", (q) => q.eq("workspaceId", ctx.workspace._id))
      .take(COLLECTION_LIMIT);
    const withArticles = await Promise.all(
      collections.map(async (collection) => ({
        id: collection._id,
        name: collection.name,
        description: collection.description ?? null,
        articles: (await publishedIn(ctx.db, collection._id)).map((article) => ({ id: article._id, title: article.title })),
      })),
    );
    return withArticles.filter((collection) => collection.articles.length > 0);
  },
});

/** Published articles matching `query`, title matches first; at most 10. */
export const search = visitorQuery({
  args: { query: v.string() },
  handler: async (ctx, args): Promise<WidgetArticleHit[]> => {
    if (args.query.length > SEARCH_QUERY_MAX) {
      throw invalidArgument("query", `query must be at most ${SEARCH_QUERY_MAX} characters.`);
    }
    const terms = searchTerms(args.query);
    if (terms.length === 0) return [];
    const text = terms.join(" ");
    const workspaceId = ctx.workspace._id;
    const [titleHits, bodyHits] = await Promise.all([
      ctx.db
        .query("articles")
        .withSearchIndex("search_title", (q) => q.search("title", text).eq("workspaceId", workspaceId).eq("status", "published"))
        .take(INDEX_HITS),
      ctx.db
        .query("articles")
        .withSearchIndex("search_body", (q) => q.search("body", text).eq("workspaceId", workspaceId).eq("status", "published"))
        .take(INDEX_HITS),
    ]);
    return rankArticles(terms, titleHits, bodyHits).map((article) => ({
      id: article._id,
      title: article.title,
      snippet: snippet(article.body, terms),
      collectionId: article.collectionId ?? null,
    }));
  },
});

/** One published article; NOT_FOUND (field `articleId`) for drafts, unknown and foreign ids. */
export const get = visitorQuery({
  args: { articleId: v.string() },
  handler: async (ctx, args): Promise<WidgetArticle> => {
    const article = await findInWorkspace(ctx.db, "articles", ctx.workspace._id, args.articleId);
    if (article === null || article.status !== "published") {
      throw appError("NOT_FOUND", "Article not found.", "articleId");
    }
    const collection = article.collectionId ? await ctx.db.get(article.collectionId) : null;
    return {
      id: article._id,
      title: article.title,
      // Written before the image rules, or the workspace's sites changed since: never load foreign hosts.
      body: withoutForeignImages(article.body, imageRules(ctx.workspace)),
      collectionId: article.collectionId ?? null,
      collectionName: collection?.name ?? null,
      updatedAt: article.updatedAt,
    };
  },
});

// ---- Admin (REST) ----

function imageRules(workspace: Doc<"workspaces">): ImageRules {
  return { siteUrl: siteUrl(), filePath: FILE_PATH, allowedOrigins: workspace.allowedOrigins };
}

/** Refuses images from hosts that would learn readers' addresses, and stored images of other workspaces. */
async function checkArticleImages(db: DatabaseReader, workspaceId: Id<"workspaces">, body: string | undefined): Promise<void> {
  if (body === undefined) return;
  const workspace = await db.get(workspaceId);
  if (workspace === null) throw appError("NOT_FOUND", "Workspace not found.");
  const rules = imageRules(workspace);
  for (const url of imageUrls(body)) {
    const key = storedImageKey(url, rules);
    const stored =
      key === null ? null : await db.query("articleImages").withIndex("by_access_key", (q) => q.eq("accessKey", key)).unique();
    const allowed = key === null ? !isForeignImage(url, rules) : stored?.workspaceId === workspaceId;
    if (!allowed) {
      throw invalidArgument(
        "body",
        `Image ${url.slice(0, 100)} must be uploaded with POST /api/v1/articles/images or served from one of the workspace's allowed origins.`,
      );
    }
  }
}

const workspaceArgs = { workspaceId: v.id("workspaces") };
const articleFields = {
  title: v.optional(v.string()),
  body: v.optional(v.string()),
  status: v.optional(articleStatusValidator),
  /** null detaches the article from its collection. */
  collectionId: v.optional(v.union(v.string(), v.null())),
  order: v.optional(v.number()),
};

async function collectionFor(
  db: DatabaseReader,
  workspaceId: Id<"workspaces">,
  collectionId: string | null | undefined,
): Promise<Id<"articleCollections"> | null | undefined> {
  if (collectionId === undefined || collectionId === null) return collectionId;
  const collection = await findInWorkspace(db, "articleCollections", workspaceId, collectionId);
  if (collection === null) throw invalidArgument("collectionId", "No such collection in this workspace.");
  return collection._id;
}

/**
 * One page of articles: newest first within a status, or with `collectionId` in the
 * collection's order. Null when the collection is not the workspace's.
 */
export const adminList = internalQuery({
  args: { ...workspaceArgs, status: v.optional(articleStatusValidator), collectionId: v.optional(v.string()), paginationOpts: paginationOptsValidator },
  handler: async (ctx, args): Promise<PaginationResult<ApiArticle> | null> => {
    const { status } = args;
    const opts = boundedPage(args.paginationOpts);
    if (args.collectionId !== undefined) {
      const collection = await findInWorkspace(ctx.db, "articleCollections", args.workspaceId, args.collectionId);
      if (collection === null) return null;
      const inCollection =
        status === undefined
          ? ctx.db.query("articles").withIndex("by_collection_order", (q) => q.eq("collectionId", collection._id))
          : ctx.db.query("articles").withIndex("by_collection_status_order", (q) => q.eq("collectionId", collection._id).eq("status", status));
      return await mapPage(await inCollection.paginate(opts), apiArticle);
    }
    const page = await ctx.db
      .query("articles")
      .withIndex("by_workspace_status", (q) =>
        status === undefined ? q.eq("workspaceId", args.workspaceId) : q.eq("workspaceId", args.workspaceId).eq("status", status),
      )
      .order("desc")
      .paginate(opts);
    return await mapPage(page, apiArticle);
  },
});

export const adminGet = internalQuery({
  args: { ...workspaceArgs, id: v.string() },
  handler: async (ctx, args): Promise<ApiArticle | null> => {
    const article = await findInWorkspace(ctx.db, "articles", args.workspaceId, args.id);
    return article === null ? null : apiArticle(article);
  },
});

export const adminCreate = internalMutation({
  args: { ...workspaceArgs, ...articleFields, title: v.string() },
  handler: async (ctx, args): Promise<ApiArticle> => {
    const now = Date.now();
    await checkArticleImages(ctx.db, args.workspaceId, args.body);
    const collectionId = await collectionFor(ctx.db, args.workspaceId, args.collectionId);
    const id = await ctx.db.insert("articles", {
      workspaceId: args.workspaceId,
      title: args.title,
      body: args.body ?? "",
      status: args.status ?? "draft",
      order: args.order ?? 0,
      createdAt: now,
      updatedAt: now,
      ...(collectionId ? { collectionId } : {}),
    });
    const created = await ctx.db.get(id);
    if (created === null) throw new Error("Article vanished right after insert");
    return apiArticle(created);
  },
});

export const adminUpdate = internalMutation({
  args: { ...workspaceArgs, id: v.string(), ...articleFields },
  handler: async (ctx, args): Promise<ApiArticle | null> => {
    const article = await findInWorkspace(ctx.db, "articles", args.workspaceId, args.id);
    if (article === null) return null;
    await checkArticleImages(ctx.db, args.workspaceId, args.body);
    const { workspaceId, id: _id, collectionId: requested, ...fields } = args;
    const collectionId = await collectionFor(ctx.db, workspaceId, requested);
    await ctx.db.patch(article._id, {
      ...fields,
      ...(collectionId !== undefined ? { collectionId: collectionId ?? undefined } : {}),
      updatedAt: Date.now(),
    });
    const updated = await ctx.db.get(article._id);
    return updated === null ? null : apiArticle(updated);
  },
});

export const adminRemove = internalMutation({
  args: { ...workspaceArgs, id: v.string() },
  handler: async (ctx, args): Promise<boolean> => {
    const article = await findInWorkspace(ctx.db, "articles", args.workspaceId, args.id);
    if (article === null) return false;
    await ctx.db.delete(article._id);
    return true;
  },
});
