import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation, internalQuery, query } from "./_generated/server";
import { appError, invalidArgument } from "./lib/errors";
import type { CsatResults, EngagementResults } from "./lib/engagementResultViews";
import { requireMember } from "./model/members";
import { CSAT_MAX_DAYS, loadCsat, loadResults } from "./model/engagementResults";
import { rebuildBatch, type RebuildStep } from "./model/engagementRebuild";
import { ACTIVE_CONTENT_LIMIT } from "./model/engagement";
import { insertSampleActivity, sampleItems } from "./model/sampleActivity";
import { trimTextAnswers as trimTextAnswers_ } from "./model/engagementStats";

/*
 * Engagement results: how each tour, tooltip, outbound message, survey and checklist does,
 * and CSAT over time. Counted as events arrive (model/engagementStats.ts), read here from
 * counters. Every member may read results (agents too: they answer the replies and ratings);
 * editing content is for admins, elsewhere.
 */

const itemTypeValidator = v.union(
  v.literal("tour"),
  v.literal("tooltip"),
  v.literal("outbound"),
  v.literal("survey"),
  v.literal("checklist"),
);

/** Days of CSAT history: a whole number from 1 to 90. */
export function checkDays(days: number | undefined): number {
  const value = days ?? 30;
  if (!Number.isInteger(value) || value < 1 || value > CSAT_MAX_DAYS) {
    throw invalidArgument("days", `days must be a whole number from 1 to ${CSAT_MAX_DAYS}.`);
  }
  return value;
}

/** One item's results, live. NOT_FOUND (field `id`) for an unknown item or another workspace's. */
export const get = query({
  args: { workspaceId: v.string(), type: itemTypeValidator, id: v.string() },
  handler: async (ctx, args): Promise<EngagementResults> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    const results = await loadResults(ctx.db, workspaceId, args.type, args.id);
    if (results === null) throw appError("NOT_FOUND", "No such item in this workspace.", "id");
    return results;
  },
});

/** Satisfaction ratings per UTC day for the last `days` days (default 30, at most 90), live. */
export const csat = query({
  args: { workspaceId: v.string(), days: v.optional(v.number()) },
  handler: async (ctx, args): Promise<CsatResults> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    return await loadCsat(ctx.db, workspaceId, checkDays(args.days), Date.now());
  },
});

/** REST: the same results; null when the item is not this workspace's. */
export const getForApi = internalQuery({
  args: { workspaceId: v.id("workspaces"), type: itemTypeValidator, id: v.string() },
  handler: async (ctx, args): Promise<EngagementResults | null> => await loadResults(ctx.db, args.workspaceId, args.type, args.id),
});

export const csatForApi = internalQuery({
  args: { workspaceId: v.id("workspaces"), days: v.number() },
  handler: async (ctx, args): Promise<CsatResults> => await loadCsat(ctx.db, args.workspaceId, checkDays(args.days), Date.now()),
});

const rebuildArgs = {
  workspaceId: v.id("workspaces"),
  type: v.union(itemTypeValidator, v.literal("csat")),
  /** The item's id; ignored for `csat` (the workspace's last 90 days). */
  id: v.string(),
  phase: v.optional(v.union(v.literal("clear"), v.literal("clearTexts"), v.literal("count"), v.literal("responses"))),
  cursor: v.optional(v.union(v.string(), v.null())),
  /** false: run this batch only and return the next step (the benchmark drives the batches). @default true */
  chain: v.optional(v.boolean()),
};

/**
 * Recounts one item's results from its per-visitor rows, one bounded batch per run, the next
 * batch scheduled by this one. Start it with `{workspaceId, type, id}`.
 */
export const rebuild = internalMutation({
  args: rebuildArgs,
  handler: async (ctx, { chain, ...args }): Promise<{ processed: number; next: RebuildStep | null }> => {
    const step: RebuildStep = { ...args, phase: args.phase ?? "clear", cursor: args.cursor ?? null };
    const { next, processed } = await rebuildBatch(ctx.db, step, Date.now());
    if (next !== null && chain !== false) await ctx.scheduler.runAfter(0, internal.engagementResults.rebuild, next);
    return { processed, next };
  },
});

/** Rebuilds every item of a workspace, and its CSAT (the demo seed runs it). */
export const rebuildWorkspace = internalMutation({
  args: { workspaceId: v.id("workspaces") },
  handler: async (ctx, args): Promise<{ scheduled: number }> => {
    const tables = [
      ["tour", "tours"],
      ["tooltip", "tooltips"],
      ["outbound", "outboundMessages"],
      ["survey", "surveys"],
      ["checklist", "checklists"],
    ] as const;
    let scheduled = 0;
    for (const [type, table] of tables) {
      const items = await ctx.db
        .query(table as "tours")
        .withIndex("by_workspace_status", (q) => q.eq("workspaceId", args.workspaceId))
        .take(ACTIVE_CONTENT_LIMIT * 5);
      for (const item of items) {
        await ctx.scheduler.runAfter(0, internal.engagementResults.rebuild, { workspaceId: args.workspaceId, type, id: item._id });
        scheduled += 1;
      }
    }
    await ctx.scheduler.runAfter(0, internal.engagementResults.rebuild, { workspaceId: args.workspaceId, type: "csat", id: "" });
    return { scheduled: scheduled + 1 };
  },
});

/**
 * Sample activity on the workspace's first active item of each kind, visitors `from` to
 * `from + count - 1` (at most 500 a call: about 7 documents each), counted at once with
 * `countNow`, else left to `rebuild`. For the demo seed and the results benchmark.
 */
export const seedSampleActivity = internalMutation({
  args: { workspaceId: v.id("workspaces"), from: v.number(), count: v.number(), countNow: v.optional(v.boolean()) },
  handler: async (ctx, args) => {
    if (!Number.isInteger(args.count) || args.count < 1 || args.count > 500) throw invalidArgument("count", "count must be 1 to 500.");
    const items = await sampleItems(ctx.db, args.workspaceId);
    const inserted = await insertSampleActivity(ctx.db, args.workspaceId, items, args.from, args.count, Date.now(), args.countNow ?? false);
    const ids = Object.fromEntries(Object.entries(items).map(([type, item]) => [type, item?._id ?? null]));
    return { ...inserted, items: ids as Record<keyof typeof items, string | null> };
  },
});

/** Keeps a question's newest free-text answers (scheduled after each response that has one). */
export const trimTextAnswers = internalMutation({
  args: { surveyId: v.id("surveys"), questionId: v.string() },
  handler: async (ctx, args): Promise<null> => {
    if (await trimTextAnswers_(ctx.db, args.surveyId, args.questionId)) {
      await ctx.scheduler.runAfter(0, internal.engagementResults.trimTextAnswers, args);
    }
    return null;
  },
});

/** Counter rows a workspace holds (the benchmark reports it). Bounded: reads at most 20,000. */
export const counterRowCount = internalQuery({
  args: { workspaceId: v.id("workspaces") },
  handler: async (ctx, args): Promise<number> =>
    (await ctx.db.query("engagementCounters").withIndex("by_item_metric", (q) => q.eq("workspaceId", args.workspaceId)).take(20_000)).length,
});
