import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";
import { CLOSED_STATES } from "../core/sla/types";
import { internal } from "./_generated/api";
import { internalMutation } from "./_generated/server";
import { loadSlaContext } from "./lib/slaClock";
import { planSlaCheck } from "./model/ticketSla";

/*
 * Scheduled side of the SLA clocks. Queries compute metrics live; these record
 * breaches on the server when they happen, whatever page is open.
 */

const REPLAN_BATCH = 100;

/** Runs at a ticket's next breach date: records what is breached, plans the next check. */
export const checkBreaches = internalMutation({
  args: { ticketId: v.id("tickets"), revision: v.number() },
  handler: async (ctx, args): Promise<{ stale: boolean; breaches: string[] }> => {
    const ticket = await ctx.db.get(args.ticketId);
    // The ticket changed (or was planned again) after this run was scheduled: that plan holds.
    if (ticket === null || ticket.slaRevision !== args.revision) return { stale: true, breaches: [] };
    const before = new Set((ticket.slaBreaches ?? []).map((breach) => breach.metric));
    const updated = await planSlaCheck(ctx, ticket, await loadSlaContext(ctx.db, ticket.workspaceId), Date.now());
    return { stale: false, breaches: (updated.slaBreaches ?? []).map((breach) => breach.metric).filter((metric) => !before.has(metric)) };
  },
});

/**
 * Re-plans every open ticket of a workspace, a page at a time, after its SLA
 * policies change; fills in the default priority on tickets filed before
 * priorities existed, so the queue's priority filters find them.
 */
export const replanWorkspace = internalMutation({
  args: { workspaceId: v.id("workspaces"), paginationOpts: paginationOptsValidator },
  handler: async (ctx, args): Promise<void> => {
    const page = await ctx.db
      .query("tickets")
      .withIndex("by_workspace_updated", (q) => q.eq("workspaceId", args.workspaceId))
      .paginate({ ...args.paginationOpts, numItems: Math.min(args.paginationOpts.numItems, REPLAN_BATCH) });
    const context = await loadSlaContext(ctx.db, args.workspaceId);
    const now = Date.now();
    for (const ticket of page.page) {
      if (ticket.priority === undefined) await ctx.db.patch(ticket._id, { priority: "MEDIUM" });
      if (CLOSED_STATES.includes(ticket.state)) continue;
      const current = await ctx.db.get(ticket._id);
      if (current !== null) await planSlaCheck(ctx, current, context, now);
    }
    if (!page.isDone) {
      await ctx.scheduler.runAfter(0, internal.ticketsSla.replanWorkspace, {
        workspaceId: args.workspaceId,
        paginationOpts: { numItems: REPLAN_BATCH, cursor: page.continueCursor },
      });
    }
  },
});
