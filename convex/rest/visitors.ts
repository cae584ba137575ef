import { z } from "zod";
import { internal } from "../_generated/api";
import { pageOf, pageParams, pageResponse } from "./pagination";
import { errorResponse, jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { dataOf, epochMs } from "./views";

/*
 * /api/v1/visitors (list and one visitor) and /api/v1/csat-ratings. The database work is in
 * internal queries of visitors.ts and csat.ts; the shapes in convex/lib/visitorViews.ts.
 */

export const visitorView = z
  .object({
    id: z.string(),
    userId: z.string().nullable().describe("The host site's user id; proved only when `verified`."),
    name: z.string().nullable(),
    email: z.string().nullable(),
    identified: z.boolean().describe("The page named a user (a claim unless verified)."),
    verified: z.boolean().describe("The user id was proven with the workspace's identity secret."),
    device: z.object({ browser: z.string(), os: z.string(), deviceType: z.string() }).nullable(),
    referrer: z.string().nullable(),
    lastPageUrl: z.string().nullable(),
    lastSeenAt: epochMs,
    customAttributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    createdAt: epochMs,
  })
  .meta({ id: "Visitor" });

export const csatRatingView = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    visitorId: z.string(),
    rating: z.number().int().min(1).max(5),
    comment: z.string().nullable(),
    createdAt: epochMs,
  })
  .meta({ id: "CsatRating" });

const pageQuery = z.object(pageParams(20));

export const VISITOR_ROUTES: Route[] = [
  defineRoute({
    method: "GET",
    path: "/visitors",
    operationId: "listVisitors",
    summary: "The workspace's visitors, most recently seen first, a page at a time",
    tags: ["Visitors"],
    query: pageQuery,
    responses: { 200: { description: "One page of visitors", schema: pageOf(visitorView) } },
    handler: async ({ ctx, caller, query }) =>
      await pageResponse(query, (paginationOpts) => ctx.runQuery(internal.visitors.listForWorkspace, { workspaceId: caller.workspaceId, paginationOpts })),
  }),
  defineRoute({
    method: "GET",
    path: "/visitors/{visitorId}",
    operationId: "getVisitor",
    summary: "One visitor",
    tags: ["Visitors"],
    params: z.object({ visitorId: z.string().describe("The visitor's id. Unknown, malformed or another workspace's ids answer 404.") }),
    responses: { 200: { description: "The visitor", schema: dataOf(visitorView) } },
    errors: [404],
    handler: async ({ ctx, caller, params }) => {
      const visitor = await ctx.runQuery(internal.visitors.getForWorkspace, { workspaceId: caller.workspaceId, visitorId: params.visitorId });
      return visitor === null ? errorResponse("NOT_FOUND", "Visitor not found.") : jsonResponse({ data: visitor });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/csat-ratings",
    operationId: "listCsatRatings",
    summary: "Satisfaction ratings visitors gave closed conversations, newest first, a page at a time",
    tags: ["Visitors"],
    query: pageQuery,
    responses: { 200: { description: "One page of ratings", schema: pageOf(csatRatingView) } },
    handler: async ({ ctx, caller, query }) =>
      await pageResponse(query, (paginationOpts) => ctx.runQuery(internal.csat.listForWorkspace, { workspaceId: caller.workspaceId, paginationOpts })),
  }),
];
