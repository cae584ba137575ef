import { defineTable } from "convex/server";
import { v } from "convex/values";

/**
 * Counters of engagement results, written as events arrive (never computed by scanning
 * impressions: a Convex query reads at most 32,000 documents). One row per
 * (workspace, item, metric, shard): a hot counter is split over a few shards so that
 * concurrent visitors write different documents instead of conflicting on one
 * (convex/lib/engagementMetrics.ts explains the keys).
 */
export const engagementStatsTables = {
  engagementCounters: defineTable({
    workspaceId: v.id("workspaces"),
    /** tour | tooltip | outbound | survey | checklist | csat */
    itemType: v.string(),
    /** The content id; for CSAT the UTC day, `YYYY-MM-DD`. */
    itemId: v.string(),
    metric: v.string(),
    shard: v.number(),
    value: v.number(),
  }).index("by_item_metric", ["workspaceId", "itemType", "itemId", "metric", "shard"]),

  /** Free-text survey answers, so the newest ones of a question are one bounded index read. */
  surveyTextAnswers: defineTable({
    workspaceId: v.id("workspaces"),
    surveyId: v.id("surveys"),
    questionId: v.string(),
    text: v.string(),
    createdAt: v.number(),
  }).index("by_survey_question_created", ["surveyId", "questionId", "createdAt"]),
};
