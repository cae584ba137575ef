import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation, internalQuery, query } from "./_generated/server";
import { appError, invalidArgument } from "./lib/errors";
import type { CsatResults, EngagementResults } from "./lib/engagementResultViews";
import { requireMember } from "./model/members";
import { CSAT_MAX_DAYS, loadCsat, loadResults } from "./model/engagementResults";
import { rebuildBatch, type RebuildStep } from "./model/engagementRebuild";
import { ACTIVE_CONTENT_LIMIT } from "./model/engagement";

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
};

/**
 * Recounts one item's results from its per-visitor rows, one bounded batch per run, the next
 * batch scheduled by this one. Start it with `{workspaceId, type, id}`.
 */
export const rebuild = internalMutation({
  args: rebuildArgs,
  handler: async (ctx, args): Promise<{ processed: number; done: boolean }> => {
    const step: RebuildStep = { ...args, phase: args.phase ?? "clear", cursor: args.cursor ?? null };
    const { next, processed } = await rebuildBatch(ctx.db, step, Date.now());
    if (next !== null) await ctx.scheduler.runAfter(0, internal.engagementResults.rebuild, next);
    return { processed, done: next === null };
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
