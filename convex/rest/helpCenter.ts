import { z } from "zod";
import { internal } from "../_generated/api";
import { errorResponse, jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { defined, idParams, sortOrder, trimmedText } from "./restHelpers";
import { pageOf, pageParams, pageResponse } from "./pagination";
import { articleView, collectionView, dataOf, deleted } from "./views";

/*
 * /api/v1/collections and /api/v1/articles: the help center's content.
 * Articles are markdown; images go on their own line as `![alt](https://…)`.
 * Only `published` articles reach visitors.
 */

const ARTICLE_BODY_MAX = 50_000;
const description = z.string().trim().max(1000);
const collectionRef = z.string().trim().min(1).max(100);

const collectionCreate = z.strictObject({ name: trimmedText(200), description: description.optional(), order: sortOrder.optional() });
const collectionPatch = z.strictObject({
  name: trimmedText(200).optional(),
  description: description.nullable().optional(),
  order: sortOrder.optional(),
});
const articleStatus = z.enum(["draft", "published"]);
const articleCreate = z.strictObject({
  title: trimmedText(200),
  body: z.string().max(ARTICLE_BODY_MAX).optional().describe("Markdown."),
  status: articleStatus.optional().describe("Default draft; visitors see published articles only."),
  collectionId: collectionRef.nullable().optional().describe("null: uncategorized."),
  order: sortOrder.optional(),
});
const articlePatch = articleCreate.partial();
const articleListQuery = z.object({
  status: articleStatus.optional(),
  collectionId: collectionRef.optional().describe("Only this collection's articles, in its order (404 when unknown)."),
  ...pageParams(),
});

const collectionNotFound = () => errorResponse("NOT_FOUND", "Collection not found.");
const articleNotFound = () => errorResponse("NOT_FOUND", "Article not found.");
const TAGS = ["Help center"];

const COLLECTION_ROUTES: Route[] = [
  defineRoute({
    method: "GET",
    path: "/collections",
    operationId: "listCollections",
    summary: "List collections by their order, a page at a time",
    tags: TAGS,
    query: z.object(pageParams()),
    responses: { 200: { description: "One page of collections", schema: pageOf(collectionView) } },
    handler: async ({ ctx, caller, query }) =>
      await pageResponse(query, (paginationOpts) => ctx.runQuery(internal.articleCollections.adminList, { workspaceId: caller.workspaceId, paginationOpts })),
  }),
  defineRoute({
    method: "POST",
    path: "/collections",
    operationId: "createCollection",
    summary: "Create a collection",
    tags: TAGS,
    body: collectionCreate,
    responses: { 201: { description: "The new collection", schema: dataOf(collectionView) } },
    handler: async ({ ctx, caller, body }) => {
      const created = await ctx.runMutation(internal.articleCollections.adminCreate, {
        workspaceId: caller.workspaceId,
        ...defined(body),
        name: body.name,
      });
      return jsonResponse({ data: created }, 201);
    },
  }),
  defineRoute({
    method: "GET",
    path: "/collections/{id}",
    operationId: "getCollection",
    summary: "Read a collection",
    tags: TAGS,
    params: idParams("collection"),
    responses: { 200: { description: "Collection", schema: dataOf(collectionView) } },
    handler: async ({ ctx, caller, params }) => {
      const row = await ctx.runQuery(internal.articleCollections.adminGet, { workspaceId: caller.workspaceId, id: params.id });
      return row === null ? collectionNotFound() : jsonResponse({ data: row });
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/collections/{id}",
    operationId: "updateCollection",
    summary: "Change any subset of a collection; description null clears it",
    tags: TAGS,
    params: idParams("collection"),
    body: collectionPatch,
    responses: { 200: { description: "The collection after the change", schema: dataOf(collectionView) } },
    handler: async ({ ctx, caller, params, body }) => {
      const row = await ctx.runMutation(internal.articleCollections.adminUpdate, {
        workspaceId: caller.workspaceId,
        id: params.id,
        ...defined(body),
      });
      return row === null ? collectionNotFound() : jsonResponse({ data: row });
    },
  }),
  defineRoute({
    method: "DELETE",
    path: "/collections/{id}",
    operationId: "deleteCollection",
    summary: "Delete a collection; its articles become uncategorized",
    tags: TAGS,
    params: idParams("collection"),
    responses: { 200: { description: "Deleted", schema: dataOf(deleted) } },
    handler: async ({ ctx, caller, params: { id } }) => {
      const removed = await ctx.runMutation(internal.articleCollections.adminRemove, { workspaceId: caller.workspaceId, id });
      return removed ? jsonResponse({ data: { id, deleted: true } }) : collectionNotFound();
    },
  }),
];

const ARTICLE_ROUTES: Route[] = [
  defineRoute({
    method: "GET",
    path: "/articles",
    operationId: "listArticles",
    summary: "List articles, newest first (in the collection's order with collectionId), a page at a time",
    tags: TAGS,
    query: articleListQuery,
    errors: [404],
    responses: { 200: { description: "One page of articles", schema: pageOf(articleView) } },
    handler: async ({ ctx, caller, query }) =>
      await pageResponse(
        query,
        (paginationOpts) =>
          ctx.runQuery(internal.articles.adminList, { workspaceId: caller.workspaceId, paginationOpts, ...defined({ status: query.status, collectionId: query.collectionId }) }),
        collectionNotFound,
      ),
  }),
  defineRoute({
    method: "POST",
    path: "/articles",
    operationId: "createArticle",
    summary: "Create an article",
    tags: TAGS,
    body: articleCreate,
    responses: { 201: { description: "The new article", schema: dataOf(articleView) } },
    handler: async ({ ctx, caller, body }) => {
      const created = await ctx.runMutation(internal.articles.adminCreate, { workspaceId: caller.workspaceId, ...defined(body), title: body.title });
      return jsonResponse({ data: created }, 201);
    },
  }),
  defineRoute({
    method: "GET",
    path: "/articles/{id}",
    operationId: "getArticle",
    summary: "Read an article",
    tags: TAGS,
    params: idParams("article"),
    responses: { 200: { description: "Article", schema: dataOf(articleView) } },
    handler: async ({ ctx, caller, params }) => {
      const row = await ctx.runQuery(internal.articles.adminGet, { workspaceId: caller.workspaceId, id: params.id });
      return row === null ? articleNotFound() : jsonResponse({ data: row });
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/articles/{id}",
    operationId: "updateArticle",
    summary: "Change any subset of an article; collectionId null detaches it",
    tags: TAGS,
    params: idParams("article"),
    body: articlePatch,
    responses: { 200: { description: "The article after the change", schema: dataOf(articleView) } },
    handler: async ({ ctx, caller, params, body }) => {
      const row = await ctx.runMutation(internal.articles.adminUpdate, { workspaceId: caller.workspaceId, id: params.id, ...defined(body) });
      return row === null ? articleNotFound() : jsonResponse({ data: row });
    },
  }),
  defineRoute({
    method: "DELETE",
    path: "/articles/{id}",
    operationId: "deleteArticle",
    summary: "Delete an article",
    tags: TAGS,
    params: idParams("article"),
    responses: { 200: { description: "Deleted", schema: dataOf(deleted) } },
    handler: async ({ ctx, caller, params: { id } }) => {
      const removed = await ctx.runMutation(internal.articles.adminRemove, { workspaceId: caller.workspaceId, id });
      return removed ? jsonResponse({ data: { id, deleted: true } }) : articleNotFound();
    },
  }),
];

export const HELP_CENTER_ROUTES: Route[] = [...COLLECTION_ROUTES, ...ARTICLE_ROUTES];
