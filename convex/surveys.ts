import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { internalQuery, type DatabaseReader } from "./_generated/server";
import { DAY_MS, isDue, NEVER_SHOWN, type ExposureHistory } from "../core/engagement/frequency";
import { normalizeAnswers, validateAnswers, type AnswerValue } from "../core/engagement/survey-answers";
import { contentAdminFunctions } from "./model/contentAdmin";
import { answerValueValidator } from "./lib/engagementValidators";
import { widgetSurvey, type WidgetSurvey } from "./lib/engagementViews";
import { appError, invalidArgument } from "./lib/errors";
import { checkUrl } from "./lib/inputRules";
import { visitorMutation, visitorQuery } from "./model/visitorFunctions";
import {
  findInWorkspace,
  getInWorkspace,
  historiesOf,
  recordImpression as saveImpression,
  targetedContent,
} from "./model/engagement";
import { countSurveyResponse } from "./model/engagementStats";

/*
 * Surveys: NPS, ratings, choices and free text. Answers are checked against
 * the questions with src/engine/survey-answers.ts — the overlay runs the same
 * check before sending. A response completes the survey for the frequency rules.
 */

export const { adminList, adminGet, adminCreate, adminUpdate, adminRemove, windowBoundary } = contentAdminFunctions("surveys");

async function latestResponse(
  db: DatabaseReader,
  visitorId: Id<"visitors">,
  surveyId: Id<"surveys">,
): Promise<Doc<"surveyResponses"> | null> {
  return await db
    .query("surveyResponses")
    .withIndex("by_visitor_survey", (q) => q.eq("visitorId", visitorId).eq("surveyId", surveyId))
    .order("desc")
    .first();
}

function withResponse(history: ExposureHistory, response: Doc<"surveyResponses"> | null): ExposureHistory {
  return response === null ? history : { ...history, completedAt: response.createdAt };
}

/**
 * The surveys for this visitor on `url`: targeted (audience, schedule, active,
 * URL trigger) and due by their frequency (a response completes one), best first.
 */
export const getActiveSurveys = visitorQuery({
  args: { url: v.optional(v.string()) },
  handler: async (ctx, args): Promise<WidgetSurvey[]> => {
    checkUrl(args.url, "url");
    const { items } = await targetedContent(ctx, "surveys", args.url);
    const histories = await historiesOf(ctx.db, ctx.visitor._id, "survey");
    const now = Date.now();
    const due = await Promise.all(
      items.map(async (survey) => {
        const response = await latestResponse(ctx.db, ctx.visitor._id, survey._id);
        return isDue(survey.frequency, withResponse(histories.get(survey._id) ?? NEVER_SHOWN, response), now);
      }),
    );
    return items.filter((_, index) => due[index]).map(widgetSurvey);
  },
});

/**
 * `shown` when the survey appears, `started` when the visitor answers a first question,
 * `dismissed` when they close it unanswered.
 */
export const recordImpression = visitorMutation({
  args: { surveyId: v.string(), action: v.union(v.literal("shown"), v.literal("started"), v.literal("dismissed")) },
  handler: async (ctx, args): Promise<null> => {
    const survey = await getInWorkspace(ctx.db, "surveys", ctx.workspace._id, args.surveyId, "surveyId");
    await saveImpression(ctx.db, ctx.visitor, "survey", survey._id, args.action, Date.now());
    return null;
  },
});

/**
 * Stores the visitor's answers. Refused with INVALID_ARGUMENT (field
 * `answers.<questionId>`) when an answer does not fit its question or a
 * required one is missing; with CONFLICT when the visitor already answered
 * (for `every N days` surveys: within the last N days); NOT_FOUND when the
 * survey is not active.
 */
export const submitResponse = visitorMutation({
  args: { surveyId: v.string(), answers: v.record(v.string(), answerValueValidator) },
  handler: async (ctx, args): Promise<{ responseId: Id<"surveyResponses"> }> => {
    const survey = await getInWorkspace(ctx.db, "surveys", ctx.workspace._id, args.surveyId, "surveyId");
    if (survey.status !== "active") throw appError("NOT_FOUND", "This survey is not running.", "surveyId");
    const [problem] = validateAnswers(survey.questions, args.answers);
    if (problem !== undefined) throw invalidArgument(`answers.${problem.questionId}`, problem.message);
    const now = Date.now();
    const previous = await latestResponse(ctx.db, ctx.visitor._id, survey._id);
    const { frequency } = survey;
    if (previous !== null && (frequency.type !== "every" || now - previous.createdAt < frequency.days * DAY_MS)) {
      throw appError("CONFLICT", "You already answered this survey.", "surveyId");
    }
    const answers = normalizeAnswers(survey.questions, args.answers);
    const responseId = await ctx.db.insert("surveyResponses", {
      workspaceId: ctx.workspace._id,
      surveyId: survey._id,
      visitorId: ctx.visitor._id,
      answers,
      createdAt: now,
    });
    // A response also starts the survey, for a widget that did not report the first answer.
    await saveImpression(ctx.db, ctx.visitor, "survey", survey._id, "started", now);
    await countSurveyResponse(ctx.db, ctx.visitor, survey, answers, now);
    return { responseId };
  },
});

export type ApiSurveyResponse = {
  id: string;
  surveyId: string;
  visitorId: string;
  answers: Array<{ questionId: string; value: AnswerValue }>;
  createdAt: number;
};

/** REST: a survey's responses, newest first; null when there is no such survey. */
export const listResponses = internalQuery({
  args: { workspaceId: v.id("workspaces"), surveyId: v.string(), limit: v.number() },
  handler: async (ctx, args): Promise<ApiSurveyResponse[] | null> => {
    const survey = await findInWorkspace(ctx.db, "surveys", args.workspaceId, args.surveyId);
    if (survey === null) return null;
    const rows = await ctx.db
      .query("surveyResponses")
      .withIndex("by_survey_created", (q) => q.eq("surveyId", survey._id))
      .order("desc")
      .take(Math.max(1, Math.min(100, Math.floor(args.limit))));
    return rows.map((row) => ({
      id: row._id,
      surveyId: row.surveyId,
      visitorId: row.visitorId,
      answers: row.answers,
      createdAt: row.createdAt,
    }));
  },
});
