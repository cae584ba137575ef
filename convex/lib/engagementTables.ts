import { defineTable } from "convex/server";
import { v } from "convex/values";
import {
  answerValueValidator,
  authoringTargetValidator,
  checklistTaskValidator,
  frequencyValidator,
  impressionContentTypeValidator,
  outboundButtonValidator,
  outboundTypeValidator,
  placementValidator,
  surveyQuestionValidator,
  targetingFields,
  tourStepValidator,
  triggerValidator,
} from "./engagementValidators";

/**
 * The engagement tables, spread into schema.ts. Content tables are read by
 * (workspace, status) — the widget only ever wants the active ones; per-visitor
 * tables by (visitor, content).
 */

const content = { workspaceId: v.id("workspaces"), ...targetingFields };
const timed = { trigger: triggerValidator, frequency: frequencyValidator };

export const engagementTables = {
  tours: defineTable({
    ...content,
    ...timed,
    description: v.optional(v.string()),
    steps: v.array(tourStepValidator),
  }).index("by_workspace_status", ["workspaceId", "status"]),

  tooltips: defineTable({
    ...content,
    ...timed,
    /** Set by the author or the authoring picker; tooltips without one are not served. */
    selector: v.optional(v.string()),
    placement: v.optional(placementValidator),
    /** How the tip opens once its element is on the page: by itself, on hover/focus, or on a click of its beacon. */
    showOn: v.optional(v.union(v.literal("auto"), v.literal("hover"), v.literal("click"))),
    title: v.optional(v.string()),
    body: v.string(),
  }).index("by_workspace_status", ["workspaceId", "status"]),

  outboundMessages: defineTable({
    ...content,
    ...timed,
    type: outboundTypeValidator,
    title: v.optional(v.string()),
    body: v.string(),
    senderName: v.optional(v.string()),
    buttons: v.optional(v.array(outboundButtonValidator)),
    /** Banners only. @default "top" */
    bannerPosition: v.optional(v.union(v.literal("top"), v.literal("bottom"))),
    /** @default true */
    dismissible: v.optional(v.boolean()),
  }).index("by_workspace_status", ["workspaceId", "status"]),

  surveys: defineTable({
    ...content,
    ...timed,
    format: v.union(v.literal("small"), v.literal("large")),
    intro: v.optional(v.string()),
    thankYou: v.optional(v.string()),
    questions: v.array(surveyQuestionValidator),
  }).index("by_workspace_status", ["workspaceId", "status"]),

  checklists: defineTable({
    ...content,
    description: v.optional(v.string()),
    tasks: v.array(checklistTaskValidator),
  }).index("by_workspace_status", ["workspaceId", "status"]),

  tourProgress: defineTable({
    workspaceId: v.id("workspaces"),
    visitorId: v.id("visitors"),
    tourId: v.id("tours"),
    stepIndex: v.number(),
    status: v.union(v.literal("in_progress"), v.literal("completed"), v.literal("dismissed")),
    shownCount: v.number(),
    lastShownAt: v.number(),
    completedAt: v.optional(v.number()),
    dismissedAt: v.optional(v.number()),
    updatedAt: v.number(),
    /** The furthest step this visitor ever reached (results count each step once per visitor). */
    furthestStepIndex: v.optional(v.number()),
  })
    .index("by_visitor_tour", ["visitorId", "tourId"])
    .index("by_tour", ["tourId"]),

  checklistProgress: defineTable({
    workspaceId: v.id("workspaces"),
    visitorId: v.id("visitors"),
    checklistId: v.id("checklists"),
    completedTaskIds: v.array(v.string()),
    completedAt: v.optional(v.number()),
    updatedAt: v.number(),
  })
    .index("by_visitor_checklist", ["visitorId", "checklistId"])
    .index("by_checklist", ["checklistId"]),

  surveyResponses: defineTable({
    workspaceId: v.id("workspaces"),
    surveyId: v.id("surveys"),
    visitorId: v.id("visitors"),
    answers: v.array(v.object({ questionId: v.string(), value: answerValueValidator })),
    createdAt: v.number(),
  })
    .index("by_survey_created", ["surveyId", "createdAt"])
    .index("by_visitor_survey", ["visitorId", "surveyId", "createdAt"]),

  /**
   * One row per (visitor, tooltip | outbound message | survey): what the
   * frequency rules need (src/engine/frequency.ts). For surveys, completion is
   * the latest response, kept in surveyResponses.
   */
  impressions: defineTable({
    workspaceId: v.id("workspaces"),
    visitorId: v.id("visitors"),
    contentType: impressionContentTypeValidator,
    contentId: v.string(),
    shownCount: v.number(),
    lastShownAt: v.optional(v.number()),
    dismissedAt: v.optional(v.number()),
    clickedAt: v.optional(v.number()),
    /** Surveys: when the visitor first answered a question (results count starters once). */
    startedAt: v.optional(v.number()),
    updatedAt: v.number(),
  })
    .index("by_visitor_content", ["visitorId", "contentType", "contentId"])
    .index("by_content", ["contentType", "contentId"]),

  /** How often each visitor tracked each event, for `{event, op, count}` audience rules. */
  visitorEventCounts: defineTable({
    workspaceId: v.id("workspaces"),
    visitorId: v.id("visitors"),
    name: v.string(),
    count: v.number(),
    lastAt: v.number(),
  }).index("by_visitor_name", ["visitorId", "name"]),

  csatRatings: defineTable({
    workspaceId: v.id("workspaces"),
    visitorId: v.id("visitors"),
    conversationId: v.id("conversations"),
    rating: v.number(),
    comment: v.optional(v.string()),
    createdAt: v.number(),
  })
    .index("by_conversation", ["conversationId"])
    .index("by_workspace_created", ["workspaceId", "createdAt"]),

  /** Short-lived credentials of the WYSIWYG selector picker; only the SHA-256 is kept. */
  authoringTokens: defineTable({
    workspaceId: v.id("workspaces"),
    tokenHash: v.string(),
    target: authoringTargetValidator,
    expiresAt: v.number(),
    createdAt: v.number(),
    lastUsedAt: v.optional(v.number()),
  }).index("by_token_hash", ["tokenHash"]),
};
