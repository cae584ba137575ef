import { v, type Infer } from "convex/values";
export { CONTENT_STATUSES } from "../../core/engagement/content-types";

/**
 * Field validators of the engagement content (tours, tooltips, outbound
 * messages, surveys, checklists). Their TypeScript shapes match the pure
 * engine's types in src/engine/, so stored documents feed it directly.
 * The REST layer validates with zod first (lib/engagementSchemas.ts) and
 * names the offending field; these are the database's last line.
 */

/** Only `active` items reach visitors; `paused` is an active item taken off the site for a while. */
export const contentStatusValidator = v.union(v.literal("draft"), v.literal("active"), v.literal("paused"), v.literal("archived"));

/** The content types, named as their tables: what the inbox's studio edits. */
export const contentTypeValidator = v.union(
  v.literal("tours"),
  v.literal("tooltips"),
  v.literal("outboundMessages"),
  v.literal("surveys"),
  v.literal("checklists"),
);

export const triggerValidator = v.union(
  v.object({ type: v.literal("page_load") }),
  v.object({ type: v.literal("url"), pattern: v.string() }),
  v.object({ type: v.literal("time_on_page"), seconds: v.number() }),
  v.object({ type: v.literal("scroll_depth"), percent: v.number() }),
  v.object({ type: v.literal("event"), name: v.string() }),
);

export const frequencyValidator = v.union(
  v.object({ type: v.literal("once") }),
  v.object({ type: v.literal("until_completed") }),
  v.object({ type: v.literal("every"), days: v.number() }),
);

export const placementValidator = v.union(
  v.literal("top"),
  v.literal("bottom"),
  v.literal("left"),
  v.literal("right"),
  v.literal("auto"),
);

export const tourStepValidator = v.object({
  selector: v.optional(v.string()),
  placement: v.optional(placementValidator),
  kind: v.union(v.literal("modal"), v.literal("pointer")),
  title: v.string(),
  body: v.string(),
  waitForElementMs: v.optional(v.number()),
  onMissing: v.optional(v.union(v.literal("skip"), v.literal("end"))),
  /** Pointer steps: move on with the Next button (default) or a click on the target. */
  advanceOn: v.optional(v.union(v.literal("button"), v.literal("click"))),
});

export const outboundTypeValidator = v.union(v.literal("post"), v.literal("chat"), v.literal("banner"));

export const outboundButtonValidator = v.object({
  label: v.string(),
  action: v.union(v.literal("dismiss"), v.literal("url"), v.literal("open_messenger")),
  url: v.optional(v.string()),
});

export const questionTypeValidator = v.union(
  v.literal("nps"),
  v.literal("rating"),
  v.literal("single_choice"),
  v.literal("multiple_choice"),
  v.literal("short_text"),
  v.literal("long_text"),
);

export const surveyQuestionValidator = v.object({
  id: v.string(),
  type: questionTypeValidator,
  title: v.string(),
  required: v.boolean(),
  options: v.optional(v.array(v.string())),
});

export const answerValueValidator = v.union(v.number(), v.string(), v.array(v.string()));

export const taskCompletionValidator = v.union(
  v.object({ type: v.literal("event"), event: v.string() }),
  v.object({ type: v.literal("url"), pattern: v.string() }),
  v.object({ type: v.literal("manual") }),
);

export const checklistTaskValidator = v.object({
  id: v.string(),
  title: v.string(),
  description: v.optional(v.string()),
  completion: taskCompletionValidator,
});

/** What an authoring token lets the picker change. */
export const authoringTargetValidator = v.union(
  v.object({ type: v.literal("tourStep"), tourId: v.id("tours"), stepIndex: v.number() }),
  v.object({ type: v.literal("tooltip"), tooltipId: v.id("tooltips") }),
);

export const impressionContentTypeValidator = v.union(
  v.literal("tooltip"),
  v.literal("outbound"),
  v.literal("survey"),
);

/** Who sees it and when; every content table has these (checklists: no trigger or frequency). */
export const targetingFields = {
  name: v.string(),
  status: contentStatusValidator,
  /** An audience rule (src/engine/rules.ts), checked with validateRule on the way in; absent = everyone. */
  audience: v.optional(v.any()),
  startsAt: v.optional(v.number()),
  endsAt: v.optional(v.number()),
  /** When a date-window boundary last passed (model/contentAdmin.ts windowBoundary); internal, not in the REST API. */
  windowPassedAt: v.optional(v.number()),
  /** Higher shows first among experiences of the same kind. */
  priority: v.optional(v.number()),
  createdAt: v.number(),
  updatedAt: v.number(),
  /** Who made the last change: the member's name (inbox) or the API key's name (REST). */
  updatedBy: v.optional(v.string()),
};

export type ContentStatus = Infer<typeof contentStatusValidator>;
export type StoredTrigger = Infer<typeof triggerValidator>;
export type StoredFrequency = Infer<typeof frequencyValidator>;
export type StoredTourStep = Infer<typeof tourStepValidator>;
export type StoredQuestion = Infer<typeof surveyQuestionValidator>;
export type StoredTask = Infer<typeof checklistTaskValidator>;
export type AuthoringTarget = Infer<typeof authoringTargetValidator>;
export type ImpressionContentType = Infer<typeof impressionContentTypeValidator>;
