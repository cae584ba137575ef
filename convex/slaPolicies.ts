import { v } from "convex/values";
import { TICKET_PRIORITIES } from "../core/sla/types";
import { internal } from "./_generated/api";
import { mutation, query } from "./_generated/server";
import { requireOperator } from "./model/operatorAccess";
import { checkSlaTarget } from "./lib/slaPolicyRules";
import { ticketPriorityValidator, type TicketPriority } from "./lib/ticketValidators";

/*
 * SLA policies: per workspace and priority, a first-response and a resolution
 * target in business time (the workspace's office hours). Members read them;
 * admins set them, and every open ticket's breach check is planned again.
 */

export type SlaPolicyView = { priority: TicketPriority; firstResponseMillis: number | null; resolutionMillis: number | null };

/** Every priority, most urgent first; null where there is no target. */
export const list = query({
  args: { workspaceId: v.id("workspaces") },
  handler: async (ctx, args): Promise<SlaPolicyView[]> => {
    await requireOperator(ctx, args.workspaceId);
    const rows = await ctx.db
      .query("slaPolicies")
      .withIndex("by_workspace_priority", (q) => q.eq("workspaceId", args.workspaceId))
      .collect();
    return TICKET_PRIORITIES.map((priority) => {
      const row = rows.find((candidate) => candidate.priority === priority);
      return { priority, firstResponseMillis: row?.firstResponseMillis ?? null, resolutionMillis: row?.resolutionMillis ?? null };
    });
  },
});

/** Sets both targets of one priority (null clears one); targets are whole milliseconds from a minute to a year. */
export const set = mutation({
  args: {
    workspaceId: v.id("workspaces"),
    priority: ticketPriorityValidator,
    firstResponseMillis: v.union(v.number(), v.null()),
    resolutionMillis: v.union(v.number(), v.null()),
  },
  handler: async (ctx, args): Promise<SlaPolicyView> => {
    await requireOperator(ctx, args.workspaceId, "admin");
    const firstResponseMillis = args.firstResponseMillis === null ? null : checkSlaTarget("firstResponseMillis", args.firstResponseMillis);
    const resolutionMillis = args.resolutionMillis === null ? null : checkSlaTarget("resolutionMillis", args.resolutionMillis);
    const existing = await ctx.db
      .query("slaPolicies")
      .withIndex("by_workspace_priority", (q) => q.eq("workspaceId", args.workspaceId).eq("priority", args.priority))
      .unique();
    const targets = {
      firstResponseMillis: firstResponseMillis ?? undefined,
      resolutionMillis: resolutionMillis ?? undefined,
    };
    if (firstResponseMillis === null && resolutionMillis === null) {
      if (existing !== null) await ctx.db.delete(existing._id);
    } else if (existing === null) {
      await ctx.db.insert("slaPolicies", { workspaceId: args.workspaceId, priority: args.priority, ...definedOnly(targets), updatedAt: Date.now() });
    } else {
      await ctx.db.patch(existing._id, { ...targets, updatedAt: Date.now() });
    }
    await ctx.scheduler.runAfter(0, internal.ticketsSla.replanWorkspace, {
      workspaceId: args.workspaceId,
      paginationOpts: { numItems: 100, cursor: null },
    });
    return { priority: args.priority, firstResponseMillis, resolutionMillis };
  },
});

function definedOnly(targets: { firstResponseMillis: number | undefined; resolutionMillis: number | undefined }) {
  return {
    ...(targets.firstResponseMillis !== undefined ? { firstResponseMillis: targets.firstResponseMillis } : {}),
    ...(targets.resolutionMillis !== undefined ? { resolutionMillis: targets.resolutionMillis } : {}),
  };
}
