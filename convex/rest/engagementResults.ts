import { z } from "zod";
import { internal } from "../_generated/api";
import type { ResultItemType } from "../lib/engagementMetrics";
import { errorResponse, jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { dataOf, epochMs } from "./views";

/*
 * GET /api/v1/{tours|tooltips|outbound-messages|surveys|checklists}/{id}/results and
 * GET /api/v1/csat/results: the numbers the inbox's charts show, from the same queries
 * (engagementResults.ts), counted as events arrive.
 */

const visitors = (what: string) => z.number().int().min(0).describe(`Distinct visitors who ${what}.`);
const times = (what: string) => z.number().int().min(0).describe(what);

const tourResultsView = z
  .object({
    type: z.literal("tour"),
    id: z.string(),
    name: z.string(),
    funnel: z.object({
      viewed: visitors("were shown the tour"),
      started: visitors("went past its first step (or finished a one-step tour)"),
      completed: visitors("finished it"),
    }),
    dismissed: visitors("closed it before the end"),
    steps: z.array(z.object({ index: z.number().int(), title: z.string(), reached: visitors("reached this step") })),
  })
  .meta({ id: "TourResults" });

const tooltipResultsView = z
  .object({
    type: z.literal("tooltip"),
    id: z.string(),
    name: z.string(),
    shown: visitors("saw it open"),
    opened: times("Times it opened, all visitors together."),
    dismissed: visitors("closed it with its button"),
  })
  .meta({ id: "TooltipResults" });

const outboundResultsView = z
  .object({
    type: z.literal("outbound"),
    id: z.string(),
    name: z.string(),
    shown: visitors("were shown it"),
    clicked: visitors("pressed a button (or a chat's Reply)"),
    dismissed: visitors("closed it"),
    replies: times("Conversations started by a chat's Reply in which the visitor wrote."),
    buttons: z.array(
      z.object({
        index: z.number().int().nullable().describe("The button's position; null for a chat's Reply."),
        label: z.string(),
        clicks: times("Presses."),
      }),
    ),
  })
  .meta({ id: "OutboundMessageResults" });

const questionResultsView = z.object({
  id: z.string(),
  title: z.string(),
  questionType: z.enum(["nps", "rating", "single_choice", "multiple_choice", "short_text", "long_text"]),
  answered: times("Responses that answered this question."),
  distribution: z
    .array(z.object({ value: z.string(), count: z.number().int().min(0) }))
    .describe("Each choice or score with its count, in the question's order; empty for free text."),
  nps: z
    .object({
      score: z.number().int().min(-100).max(100).nullable().describe("% promoters (9–10) minus % detractors (0–6); null without answers."),
      promoters: z.number().int().min(0),
      passives: z.number().int().min(0),
      detractors: z.number().int().min(0),
      responses: z.number().int().min(0),
    })
    .nullable(),
  texts: z.array(z.object({ text: z.string(), createdAt: epochMs })).describe("Free text: the 50 newest answers, newest first."),
});

const surveyResultsView = z
  .object({
    type: z.literal("survey"),
    id: z.string(),
    name: z.string(),
    shown: visitors("were shown it"),
    started: visitors("answered a first question"),
    completed: times("Responses sent."),
    dismissed: visitors("closed it unanswered"),
    questions: z.array(questionResultsView),
  })
  .meta({ id: "SurveyResults" });

const checklistResultsView = z
  .object({
    type: z.literal("checklist"),
    id: z.string(),
    name: z.string(),
    visitors: visitors("completed at least one task"),
    completed: visitors("completed every task"),
    tasks: z.array(z.object({ id: z.string(), title: z.string(), completed: visitors("completed this task") })),
  })
  .meta({ id: "ChecklistResults" });

const ratingCounts = z.array(z.number().int().min(0)).length(5).describe("How many ratings of 1, 2, 3, 4 and 5 stars.");
const csatResultsView = z
  .object({
    days: z.number().int(),
    from: z.string().describe("The first day (UTC, YYYY-MM-DD)."),
    total: z.object({ count: z.number().int().min(0), average: z.number().nullable(), ratings: ratingCounts }),
    daily: z.array(
      z.object({
        day: z.string().describe("UTC day, YYYY-MM-DD."),
        count: z.number().int().min(0),
        sum: z.number().int().min(0),
        average: z.number().nullable(),
        ratings: ratingCounts,
      }),
    ),
  })
  .meta({ id: "CsatResults" });

const KINDS: ReadonlyArray<{ type: ResultItemType; resource: string; label: string; tag: string; singular: string; view: z.ZodType }> = [
  { type: "tour", resource: "tours", label: "tour", tag: "Tours", singular: "Tour", view: tourResultsView },
  { type: "tooltip", resource: "tooltips", label: "tooltip", tag: "Tooltips", singular: "Tooltip", view: tooltipResultsView },
  { type: "outbound", resource: "outbound-messages", label: "outbound message", tag: "Outbound messages", singular: "OutboundMessage", view: outboundResultsView },
  { type: "survey", resource: "surveys", label: "survey", tag: "Surveys", singular: "Survey", view: surveyResultsView },
  { type: "checklist", resource: "checklists", label: "checklist", tag: "Checklists", singular: "Checklist", view: checklistResultsView },
];

const resultRoutes = KINDS.map(({ type, resource, label, tag, singular, view }) =>
  defineRoute({
    method: "GET",
    path: `/${resource}/{id}/results`,
    operationId: `get${singular}Results`,
    summary: `How a ${label} does: the numbers the inbox charts`,
    tags: [tag],
    params: z.object({ id: z.string().describe(`The ${label}'s id. Unknown, malformed or another workspace's ids answer 404.`) }),
    responses: { 200: { description: "Results", schema: dataOf(view) } },
    errors: [404],
    handler: async ({ ctx, caller, params }) => {
      const results = await ctx.runQuery(internal.engagementResults.getForApi, { workspaceId: caller.workspaceId, type, id: params.id });
      return results === null ? errorResponse("NOT_FOUND", `${label[0]!.toUpperCase()}${label.slice(1)} not found.`) : jsonResponse({ data: results });
    },
  }),
);

export const ENGAGEMENT_RESULT_ROUTES: Route[] = [
  ...resultRoutes,
  defineRoute({
    method: "GET",
    path: "/csat/results",
    operationId: "getCsatResults",
    summary: "Satisfaction ratings per UTC day, today included",
    tags: ["Visitors"],
    query: z.object({ days: z.coerce.number().int().min(1).max(90).default(30).describe("How many days back, 1 to 90.") }),
    responses: { 200: { description: "Ratings per day", schema: dataOf(csatResultsView) } },
    handler: async ({ ctx, caller, query }) =>
      jsonResponse({ data: await ctx.runQuery(internal.engagementResults.csatForApi, { workspaceId: caller.workspaceId, days: query.days }) }),
  }),
];
