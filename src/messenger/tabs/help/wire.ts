import * as v from "valibot";
import { parse } from "../../../runtime/wire";

const collection = v.object({
  id: v.string(),
  name: v.string(),
  description: v.nullable(v.string()),
  articles: v.array(v.object({ id: v.string(), title: v.string() })),
});
export type HelpCollection = v.InferOutput<typeof collection>;

const hit = v.object({ id: v.string(), title: v.string(), snippet: v.string() });
export type ArticleHit = v.InferOutput<typeof hit>;

const article = v.object({
  id: v.string(),
  title: v.string(),
  body: v.string(),
  collectionName: v.nullable(v.string()),
  updatedAt: v.number(),
});
export type HelpArticle = v.InferOutput<typeof article>;

export const parseCollections = (value: unknown) => parse(v.array(collection), value, "collections");
export const parseHits = (value: unknown) => parse(v.array(hit), value, "search results");
export const parseArticle = (value: unknown) => parse(article, value, "article");
