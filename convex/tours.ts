import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import type { DatabaseReader } from "./_generated/server";
import { contentAdminFunctions } from "./model/contentAdmin";
import { widgetTour, type WidgetTour } from "./lib/engagementViews";
import { invalidArgument } from "./lib/errors";
import { checkUrl } from "./lib/inputRules";
import { visitorMutation, visitorQuery } from "./model/visitorFunctions";
import { getInWorkspace, targetedContent } from "./model/engagement";
import { countTourProgress } from "./model/engagementStats";

/*
 * Product tours. The widget subscribes to `listAll` and reports the visitor's
 * way through a tour with `recordProgress`; src/engine/tour-machine.ts decides
 * the steps. Admin CRUD goes through REST (rest/engagementRoutes.ts).
 */

export const { adminList, adminGet, adminCreate, adminUpdate, adminRemove, windowBoundary } = contentAdminFunctions("tours");

export async function tourProgressRow(
  db: DatabaseReader,
  visitorId: Id<"visitors">,
  tourId: Id<"tours">,
): Promise<Doc<"tourProgress"> | null> {
  return await db
    .query("tourProgress")
    .withIndex("by_visitor_tour", (q) => q.eq("visitorId", visitorId).eq("tourId", tourId))
    .unique();
}

/**
 * The tours this visitor may take on `url` (audience, schedule, active, URL
 * trigger), best first, each with the visitor's progress. Finished tours stay
 * listed (so `getAvailableTours` can offer them again); `autoStart` says
 * whether to start one unasked.
 */
export const listAll = visitorQuery({
  args: { url: v.optional(v.string()) },
  handler: async (ctx, args): Promise<WidgetTour[]> => {
    checkUrl(args.url, "url");
    const { items } = await targetedContent(ctx, "tours", args.url);
    const now = Date.now();
    return await Promise.all(
      items.map(async (tour) => widgetTour(tour, await tourProgressRow(ctx.db, ctx.visitor._id, tour._id), now)),
    );
  },
});

export type TourProgressResult = { tourId: Id<"tours">; stepIndex: number; status: Doc<"tourProgress">["status"] };

/**
 * Saves where the visitor is in a tour. `in_progress` after a finished (or no)
 * run starts a new run, which counts as one showing for the frequency rules;
 * `completed` / `dismissed` stamp the time.
 */
export const recordProgress = visitorMutation({
  args: {
    tourId: v.string(),
    stepIndex: v.number(),
    status: v.union(v.literal("in_progress"), v.literal("completed"), v.literal("dismissed")),
  },
  handler: async (ctx, args): Promise<TourProgressResult> => {
    const tour = await getInWorkspace(ctx.db, "tours", ctx.workspace._id, args.tourId, "tourId");
    if (!Number.isInteger(args.stepIndex) || args.stepIndex < 0 || args.stepIndex >= tour.steps.length) {
      throw invalidArgument("stepIndex", `stepIndex must be 0 to ${tour.steps.length - 1}.`);
    }
    const now = Date.now();
    const existing = await tourProgressRow(ctx.db, ctx.visitor._id, tour._id);
    const newRun = existing === null || (existing.status !== "in_progress" && args.status === "in_progress");
    const furthestStepIndex = await countTourProgress(ctx.db, ctx.visitor, tour._id, existing, args);
    const stamps = {
      ...(args.status === "completed" ? { completedAt: now } : {}),
      ...(args.status === "dismissed" ? { dismissedAt: now } : {}),
    };
    const state = { stepIndex: args.stepIndex, status: args.status, updatedAt: now, furthestStepIndex, ...stamps };
    if (existing === null) {
      await ctx.db.insert("tourProgress", {
        workspaceId: ctx.workspace._id,
        visitorId: ctx.visitor._id,
        tourId: tour._id,
        shownCount: 1,
        lastShownAt: now,
        ...state,
      });
    } else {
      const shown = newRun ? { shownCount: existing.shownCount + 1, lastShownAt: now } : {};
      await ctx.db.patch("tourProgress", existing._id, { ...state, ...shown });
    }
    return { tourId: tour._id, stepIndex: args.stepIndex, status: args.status };
  },
});
