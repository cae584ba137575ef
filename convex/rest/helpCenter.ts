import { z } from "zod";
import { internal } from "../_generated/api";
import { parseBody, type Route } from "./contentCrud";
import type { RestHandler } from "./conversations";
import { defined, limitParam, parseQuery, sortOrder, trimmedText } from "./restHelpers";
import { errorResponse, jsonResponse } from "./responses";

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
  body: z.string().max(ARTICLE_BODY_MAX).optional(),
  status: articleStatus.optional(),
  collectionId: collectionRef.nullable().optional(),
  order: sortOrder.optional(),
});
const articlePatch = articleCreate.partial();
const articleListQuery = z.object({ status: articleStatus.optional(), collectionId: collectionRef.optional(), limit: limitParam });
const collectionListQuery = z.object({ limit: limitParam });

const notFound = (label: string) => () => errorResponse("NOT_FOUND", `${label} not found.`);
const collectionNotFound = notFound("Collection");
const articleNotFound = notFound("Article");

const listCollections: RestHandler = async (ctx, request, caller) => {
  const query = parseQuery(request, collectionListQuery, ["limit"]);
  if (!query.ok) return query.response;
  const rows = await ctx.runQuery(internal.articleCollections.adminList, { workspaceId: caller.workspaceId, ...query.data });
  return jsonResponse({ data: rows });
};

const createCollection: RestHandler = async (ctx, request, caller) => {
  const body = await parseBody(request, collectionCreate);
  if (!body.ok) return body.response;
  const created = await ctx.runMutation(internal.articleCollections.adminCreate, { workspaceId: caller.workspaceId, ...defined(body.data), name: body.data.name });
  return jsonResponse({ data: created }, 201);
};

const getCollection: RestHandler = async (ctx, _request, caller, params) => {
  const row = await ctx.runQuery(internal.articleCollections.adminGet, { workspaceId: caller.workspaceId, id: params["id"] ?? "" });
  return row === null ? collectionNotFound() : jsonResponse({ data: row });
};

const updateCollection: RestHandler = async (ctx, request, caller, params) => {
  const body = await parseBody(request, collectionPatch);
  if (!body.ok) return body.response;
  const row = await ctx.runMutation(internal.articleCollections.adminUpdate, {
    workspaceId: caller.workspaceId,
    id: params["id"] ?? "",
    ...defined(body.data),
  });
  return row === null ? collectionNotFound() : jsonResponse({ data: row });
};

const removeCollection: RestHandler = async (ctx, _request, caller, params) => {
  const id = params["id"] ?? "";
  const removed = await ctx.runMutation(internal.articleCollections.adminRemove, { workspaceId: caller.workspaceId, id });
  return removed ? jsonResponse({ data: { id, deleted: true } }) : collectionNotFound();
};

const listArticles: RestHandler = async (ctx, request, caller) => {
  const query = parseQuery(request, articleListQuery, ["status", "collectionId", "limit"]);
  if (!query.ok) return query.response;
  const rows = await ctx.runQuery(internal.articles.adminList, { workspaceId: caller.workspaceId, ...defined(query.data), limit: query.data.limit });
  return rows === null ? collectionNotFound() : jsonResponse({ data: rows });
};

const createArticle: RestHandler = async (ctx, request, caller) => {
  const body = await parseBody(request, articleCreate);
  if (!body.ok) return body.response;
  const created = await ctx.runMutation(internal.articles.adminCreate, { workspaceId: caller.workspaceId, ...defined(body.data), title: body.data.title });
  return jsonResponse({ data: created }, 201);
};

const getArticle: RestHandler = async (ctx, _request, caller, params) => {
  const row = await ctx.runQuery(internal.articles.adminGet, { workspaceId: caller.workspaceId, id: params["id"] ?? "" });
  return row === null ? articleNotFound() : jsonResponse({ data: row });
};

const updateArticle: RestHandler = async (ctx, request, caller, params) => {
  const body = await parseBody(request, articlePatch);
  if (!body.ok) return body.response;
  const row = await ctx.runMutation(internal.articles.adminUpdate, { workspaceId: caller.workspaceId, id: params["id"] ?? "", ...defined(body.data) });
  return row === null ? articleNotFound() : jsonResponse({ data: row });
};

const removeArticle: RestHandler = async (ctx, _request, caller, params) => {
  const id = params["id"] ?? "";
  const removed = await ctx.runMutation(internal.articles.adminRemove, { workspaceId: caller.workspaceId, id });
  return removed ? jsonResponse({ data: { id, deleted: true } }) : articleNotFound();
};

export const HELP_CENTER_ROUTES: Route[] = [
  { pattern: ["collections"], methods: { GET: listCollections, POST: createCollection } },
  { pattern: ["collections", ":id"], methods: { GET: getCollection, PATCH: updateCollection, DELETE: removeCollection } },
  { pattern: ["articles"], methods: { GET: listArticles, POST: createArticle } },
  { pattern: ["articles", ":id"], methods: { GET: getArticle, PATCH: updateArticle, DELETE: removeArticle } },
];
