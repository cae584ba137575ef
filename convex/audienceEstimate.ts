import { v } from "convex/values";
import { query } from "./_generated/server";
import { evaluateAudience, referencedEvents, validateRule } from "../core/engagement/rules";
import { ESTIMATE_WINDOW_DAYS, estimateSampleSize } from "./lib/audienceSample";
import { visitorContext } from "./lib/eligibility";
import { invalidArgument } from "./lib/errors";
import { eventCountsFor } from "./model/engagement";
import { requireMember } from "./model/members";

export type AudienceEstimate = {
  /** Visitors of the sample the rule matches. */
  matching: number;
  /** Visitors in the sample: the most recently seen of the window, up to `sampleSize`. */
  total: number;
  windowDays: number;
  sampleSize: number;
};

/**
 * The audience builder's live estimate (admins): how many recently seen
 * visitors the rule matches, judged by the same evaluator that decides what a
 * visitor sees, on each visitor's last page and real event counters. An absent
 * audience means everyone.
 */
export const estimate = query({
  args: { workspaceId: v.string(), audience: v.optional(v.any()) },
  handler: async (ctx, args): Promise<AudienceEstimate> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    const [problem] = args.audience === undefined ? [] : validateRule(args.audience, "audience");
    if (problem !== undefined) throw invalidArgument(problem.path, problem.message);
    const events = args.audience === undefined ? [] : referencedEvents(args.audience);
    const sampleSize = estimateSampleSize(events.length);
    const since = Date.now() - ESTIMATE_WINDOW_DAYS * 86_400_000;
    const visitors = await ctx.db
      .query("visitors")
      .withIndex("by_workspace_last_seen", (q) => q.eq("workspaceId", workspaceId).gte("lastSeenAt", since))
      .order("desc")
      .take(sampleSize);
    let matching = 0;
    for (const visitor of visitors) {
      if (args.audience === undefined) {
        matching += 1;
        continue;
      }
      const counts = await eventCountsFor(ctx.db, visitor._id, events);
      if (evaluateAudience(args.audience, visitorContext(visitor, counts, undefined))) matching += 1;
    }
    return { matching, total: visitors.length, windowDays: ESTIMATE_WINDOW_DAYS, sampleSize };
  },
});
