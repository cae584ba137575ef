import { v } from "convex/values";
import { internalQuery } from "./_generated/server";
import { findInWorkspace } from "./model/engagement";

/*
 * REST reporting: where one visitor is in the workspace's tours and checklists
 * (GET /api/v1/visitors/{visitorId}/progress).
 */

export type ApiVisitorProgress = {
  visitorId: string;
  tours: Array<{
    tourId: string;
    name: string | null;
    stepIndex: number;
    status: "in_progress" | "completed" | "dismissed";
    shownCount: number;
    updatedAt: number;
  }>;
  checklists: Array<{
    checklistId: string;
    name: string | null;
    completedTaskIds: string[];
    total: number | null;
    completedAt: number | null;
    updatedAt: number;
  }>;
};

/** Null when the visitor is unknown or of another workspace. Deleted content keeps its row, with name null. */
export const forVisitor = internalQuery({
  args: { workspaceId: v.id("workspaces"), visitorId: v.string() },
  handler: async (ctx, args): Promise<ApiVisitorProgress | null> => {
    const visitor = await findInWorkspace(ctx.db, "visitors", args.workspaceId, args.visitorId);
    if (visitor === null) return null;
    const [tourRows, checklistRows] = await Promise.all([
      ctx.db
        .query("tourProgress")
        .withIndex("by_visitor_tour", (q) => q.eq("visitorId", visitor._id))
        .take(200),
      ctx.db
        .query("checklistProgress")
        .withIndex("by_visitor_checklist", (q) => q.eq("visitorId", visitor._id))
        .take(200),
    ]);
    const tours = await Promise.all(
      tourRows.map(async (row) => {
        const tour = await ctx.db.get("tours", row.tourId);
        return {
          tourId: row.tourId,
          name: tour?.name ?? null,
          stepIndex: row.stepIndex,
          status: row.status,
          shownCount: row.shownCount,
          updatedAt: row.updatedAt,
        };
      }),
    );
    const checklists = await Promise.all(
      checklistRows.map(async (row) => {
        const checklist = await ctx.db.get("checklists", row.checklistId);
        return {
          checklistId: row.checklistId,
          name: checklist?.name ?? null,
          completedTaskIds: row.completedTaskIds,
          total: checklist?.tasks.length ?? null,
          completedAt: row.completedAt ?? null,
          updatedAt: row.updatedAt,
        };
      }),
    );
    return { visitorId: visitor._id, tours, checklists };
  },
});
