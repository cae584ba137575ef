import type { Doc } from "../_generated/dataModel";

/** How articles and collections leave the backend, built field by field. */

export type WidgetCollection = {
  id: string;
  name: string;
  description: string | null;
  articles: { id: string; title: string }[];
};

export type WidgetArticleHit = { id: string; title: string; snippet: string; collectionId: string | null };

export type WidgetArticle = {
  id: string;
  title: string;
  body: string;
  collectionId: string | null;
  collectionName: string | null;
  updatedAt: number;
};

export type ApiCollection = {
  id: string;
  name: string;
  description: string | null;
  order: number;
  createdAt: number;
  updatedAt: number;
};

export type ApiArticle = {
  id: string;
  title: string;
  body: string;
  status: Doc<"articles">["status"];
  collectionId: string | null;
  order: number;
  createdAt: number;
  updatedAt: number;
};

export function apiCollection(doc: Doc<"articleCollections">): ApiCollection {
  return {
    id: doc._id,
    name: doc.name,
    description: doc.description ?? null,
    order: doc.order,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function apiArticle(doc: Doc<"articles">): ApiArticle {
  return {
    id: doc._id,
    title: doc.title,
    body: doc.body,
    status: doc.status,
    collectionId: doc.collectionId ?? null,
    order: doc.order,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}
