import { z } from "zod";
import { validateRule } from "../../core/engagement/rules";
import { QUESTION_TYPES } from "../../core/engagement/survey-answers";
import { CONTENT_STATUSES } from "./engagementValidators";

/**
 * Request bodies of the engagement CRUD routes, and of the inbox's studio, which
 * validates with these same schemas so both answer the same errors. `create` fills defaults
 * (status "draft", trigger page_load, frequency once); `patch` takes any subset
 * and `null` clears an optional field. Unknown keys are refused, so a typo is a
 * 400 rather than a silently ignored field.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max);
const itemId = z.string().regex(/^[A-Za-z0-9_-]{1,50}$/, "Use 1–50 letters, digits, - or _.");
const selector = z.string().trim().min(1).max(500);
const placement = z.enum(["top", "bottom", "left", "right", "auto"]);
const urlPattern = z.string().min(1).max(2048);
const epochMs = z.number().int().min(0).describe("Milliseconds since the Unix epoch.");

const audience = z.unknown().superRefine((value, ctx) => {
  for (const error of validateRule(value)) {
    ctx.addIssue({ code: "custom", message: error.message, path: error.path === "(rule)" ? [] : error.path.split(".") });
  }
}).meta({
  id: "AudienceRule",
  description:
    "Who sees it: {all: [rule]}, {any: [rule]}, {not: rule}, or a condition: {attribute, op, value?}, " +
    "{customAttribute, op, value?}, {identified: boolean}, {event, op: gt|lt|eq, count}, {url: pattern}. " +
    "Operators eq, neq, contains, gt, lt, exists. Absent: everyone.",
});

const trigger = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("page_load") }),
  z.strictObject({ type: z.literal("url"), pattern: urlPattern }),
  z.strictObject({ type: z.literal("time_on_page"), seconds: z.number().min(0).max(86_400) }),
  z.strictObject({ type: z.literal("scroll_depth"), percent: z.number().min(0).max(100) }),
  z.strictObject({ type: z.literal("event"), name: text(100) }),
]).meta({ id: "Trigger" });

const frequency = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("once") }),
  z.strictObject({ type: z.literal("until_completed") }),
  z.strictObject({ type: z.literal("every"), days: z.number().int().min(1).max(3650) }),
]).meta({ id: "Frequency" });

function uniqueIds(items: ReadonlyArray<{ id: string }>, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) ctx.addIssue({ code: "custom", message: `Duplicate id "${item.id}".`, path: [index, "id"] });
    seen.add(item.id);
  });
}

const tourStep = z.strictObject({
  selector: selector.optional(),
  placement: placement.optional(),
  kind: z.enum(["modal", "pointer"]),
  title: text(200),
  body: optionalText(5000),
  waitForElementMs: z.number().int().min(0).max(60_000).optional(),
  onMissing: z.enum(["skip", "end"]).optional(),
  advanceOn: z
    .enum(["button", "click"])
    .optional()
    .describe("How a pointer step moves on: its Next button (the default) or a click on the target element."),
}).meta({ id: "TourStep" });

const button = z
  .strictObject({
    label: text(50),
    action: z.enum(["dismiss", "url", "open_messenger"]),
    url: z.url({ protocol: /^https?$/ }).max(2048).optional(),
  })
  .refine((b) => b.action !== "url" || b.url !== undefined, { message: "A url button needs a url.", path: ["url"] })
  .meta({ id: "OutboundButton" });

const question = z
  .strictObject({
    id: itemId,
    type: z.enum(QUESTION_TYPES as [string, ...string[]]),
    title: text(300),
    required: z.boolean().default(false),
    options: z.array(text(100)).min(2).max(20).optional(),
  })
  .superRefine((q, ctx) => {
    const choice = q.type === "single_choice" || q.type === "multiple_choice";
    if (choice && q.options === undefined) ctx.addIssue({ code: "custom", message: "Choices need options.", path: ["options"] });
    if (!choice && q.options !== undefined) ctx.addIssue({ code: "custom", message: "Only choice questions take options.", path: ["options"] });
  });

const task = z.strictObject({
  id: itemId,
  title: text(200),
  description: optionalText(1000).optional(),
  completion: z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("event"), event: text(100) }),
    z.strictObject({ type: z.literal("url"), pattern: urlPattern }),
    z.strictObject({ type: z.literal("manual") }),
  ]),
}).meta({ id: "ChecklistTask" });

/** Fields every content type has; `timed` ones (not checklists) add trigger and frequency. */
const targeting = {
  name: text(200),
  status: z.enum(CONTENT_STATUSES).describe("Only active items reach visitors; draft, paused and archived ones never do."),
  audience,
  startsAt: epochMs,
  endsAt: epochMs,
  priority: z.number().int().min(-1000).max(1000),
};
const timing = { trigger, frequency };
const OPTIONAL_TARGETING = ["audience", "startsAt", "endsAt", "priority"];

type Shape = Record<string, z.ZodType>;

export type ContentSchemas = {
  create: z.ZodType<Record<string, unknown>, Record<string, unknown>>;
  patch: z.ZodType<Record<string, unknown>, Record<string, unknown>>;
  /** What the API answers: the stored fields (create's output) with id and timestamps. */
  view: z.ZodType;
  /** Every field a write may set: what an editor holds, so what it leaves out is cleared. */
  fieldNames: readonly string[];
};

/**
 * Builds the schemas from the type's fields: `required` ones must be given on
 * create; `optional` ones may be left out (and cleared with null on patch).
 */
function contentSchemas(name: string, options: { timed: boolean; required: Shape; optional: Shape }): ContentSchemas {
  const optionalShape: Shape = { ...options.optional };
  for (const key of OPTIONAL_TARGETING) optionalShape[key] = targeting[key as keyof typeof targeting];
  const createShape: Shape = {
    name: targeting.name,
    status: targeting.status.default("draft"),
    ...options.required,
    ...Object.fromEntries(Object.entries(optionalShape).map(([key, schema]) => [key, schema.optional()])),
  };
  if (options.timed) {
    createShape["trigger"] = trigger.default({ type: "page_load" });
    createShape["frequency"] = frequency.default({ type: "once" });
  }
  const patchShape: Shape = {
    name: targeting.name.optional(),
    status: targeting.status.optional(),
    ...Object.fromEntries(Object.entries(options.required).map(([key, schema]) => [key, schema.optional()])),
    ...Object.fromEntries(Object.entries(optionalShape).map(([key, schema]) => [key, schema.nullable().optional()])),
  };
  if (options.timed) Object.assign(patchShape, { trigger: trigger.optional(), frequency: frequency.optional() });
  const schedule = (body: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const { startsAt, endsAt } = body;
    if (typeof startsAt === "number" && typeof endsAt === "number" && endsAt <= startsAt) {
      ctx.addIssue({ code: "custom", message: "endsAt must be after startsAt.", path: ["endsAt"] });
    }
  };
  const updatedBy = z.string().optional().describe("Who made the last change: a member's name or an API key's name.");
  const view = z.object({ id: z.string(), ...createShape, createdAt: epochMs, updatedAt: epochMs, updatedBy }).meta({ id: name });
  return {
    fieldNames: Object.keys(createShape),
    create: z.strictObject(createShape).superRefine(schedule) as ContentSchemas["create"],
    patch: z.strictObject(patchShape).superRefine(schedule) as ContentSchemas["patch"],
    view,
  };
}

export const tourSchemas = contentSchemas("Tour", {
  timed: true,
  required: { steps: z.array(tourStep).min(1).max(50) },
  optional: { description: optionalText(1000) },
});

export const tooltipSchemas = contentSchemas("Tooltip", {
  timed: true,
  required: { body: text(2000) },
  optional: { selector, placement, showOn: z.enum(["auto", "hover", "click"]), title: optionalText(200) },
});

export const outboundSchemas = contentSchemas("OutboundMessage", {
  timed: true,
  required: { type: z.enum(["post", "chat", "banner"]), body: text(5000) },
  optional: {
    title: optionalText(200),
    senderName: optionalText(100),
    buttons: z.array(button).max(3),
    bannerPosition: z.enum(["top", "bottom"]),
    dismissible: z.boolean(),
  },
});

export const surveySchemas = contentSchemas("Survey", {
  timed: true,
  required: {
    format: z.enum(["small", "large"]),
    questions: z.array(question).min(1).max(20).superRefine(uniqueIds),
  },
  optional: { intro: optionalText(1000), thankYou: optionalText(1000) },
});

export const checklistSchemas = contentSchemas("Checklist", {
  timed: false,
  required: { tasks: z.array(task).min(1).max(20).superRefine(uniqueIds) },
  optional: { description: optionalText(1000) },
});

export const listQuery = z.object({
  status: z.enum(CONTENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const authoringTokenBody = z.strictObject({
  target: z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("tourStep"), tourId: z.string().min(1), stepIndex: z.number().int().min(0) }),
    z.strictObject({ type: z.literal("tooltip"), tooltipId: z.string().min(1) }),
  ]),
  ttlMinutes: z.number().int().min(1).max(240).default(30),
  /** The page to open the picker on; the answer's `url` is it with the token in the fragment. */
  pageUrl: z.url({ protocol: /^https?$/ }).max(2048).optional(),
});

/** Each content type (named as its table) and the schemas its writes are checked with. */
export const CONTENT_SCHEMAS = {
  tours: tourSchemas,
  tooltips: tooltipSchemas,
  outboundMessages: outboundSchemas,
  surveys: surveySchemas,
  checklists: checklistSchemas,
} as const satisfies Record<string, ContentSchemas>;
