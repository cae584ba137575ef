import { z } from "zod";
import { internal } from "../_generated/api";
import { authoringUrl, generateAuthoringToken } from "../lib/authoringTokens";
import { sha256Hex } from "../lib/crypto";
import { contentRoutes } from "./contentCrud";
import {
  authoringTokenBody,
  checklistSchemas,
  outboundSchemas,
  surveySchemas,
  tooltipSchemas,
  tourSchemas,
} from "../lib/engagementSchemas";
import { errorResponse, jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { dataOf, epochMs } from "./views";

/*
 * REST routes of the engagement features: content CRUD for tours, tooltips,
 * outbound messages, surveys and checklists, survey responses, a visitor's
 * progress, and authoring tokens for the selector picker.
 */

const answerValue = z.union([z.number(), z.string(), z.array(z.string())]);

const surveyResponseView = z
  .object({
    id: z.string(),
    surveyId: z.string(),
    visitorId: z.string(),
    answers: z.array(z.object({ questionId: z.string(), value: answerValue })),
    createdAt: epochMs,
  })
  .meta({ id: "SurveyResponse" });

const visitorProgressView = z
  .object({
    visitorId: z.string(),
    tours: z.array(
      z.object({
        tourId: z.string(),
        name: z.string().nullable().describe("Null when the tour was deleted."),
        stepIndex: z.number().int(),
        status: z.enum(["in_progress", "completed", "dismissed"]),
        shownCount: z.number().int(),
        updatedAt: epochMs,
      }),
    ),
    checklists: z.array(
      z.object({
        checklistId: z.string(),
        name: z.string().nullable().describe("Null when the checklist was deleted."),
        completedTaskIds: z.array(z.string()),
        total: z.number().int().nullable(),
        completedAt: epochMs.nullable(),
        updatedAt: epochMs,
      }),
    ),
  })
  .meta({ id: "VisitorProgress" });

const authoringTokenView = z.object({
  token: z.string().describe("Shown this once; stored hashed."),
  expiresAt: epochMs,
  url: z.string().optional().describe("pageUrl with the token in the fragment, when pageUrl was given."),
});

export const ENGAGEMENT_ROUTES: Route[] = [
  ...contentRoutes({ resource: "tours", label: "Tour", singular: "Tour", plural: "Tours" }, internal.tours, tourSchemas),
  ...contentRoutes({ resource: "tooltips", label: "Tooltip", singular: "Tooltip", plural: "Tooltips" }, internal.tooltips, tooltipSchemas),
  ...contentRoutes(
    { resource: "outbound-messages", label: "Outbound message", singular: "OutboundMessage", plural: "OutboundMessages" },
    internal.outboundMessages,
    outboundSchemas,
  ),
  ...contentRoutes({ resource: "surveys", label: "Survey", singular: "Survey", plural: "Surveys" }, internal.surveys, surveySchemas),
  ...contentRoutes(
    { resource: "checklists", label: "Checklist", singular: "Checklist", plural: "Checklists" },
    internal.checklists,
    checklistSchemas,
  ),
  defineRoute({
    method: "GET",
    path: "/surveys/{id}/responses",
    operationId: "listSurveyResponses",
    summary: "A survey's responses, newest first",
    tags: ["Surveys"],
    params: z.object({ id: z.string().describe("The survey's id.") }),
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) }),
    responses: { 200: { description: "Responses", schema: dataOf(z.array(surveyResponseView)) } },
    handler: async ({ ctx, caller, params, query }) => {
      const responses = await ctx.runQuery(internal.surveys.listResponses, {
        workspaceId: caller.workspaceId,
        surveyId: params.id,
        limit: query.limit,
      });
      return responses === null ? errorResponse("NOT_FOUND", "Survey not found.") : jsonResponse({ data: responses });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/visitors/{visitorId}/progress",
    operationId: "getVisitorProgress",
    summary: "A visitor's tour and checklist progress",
    tags: ["Visitors"],
    params: z.object({ visitorId: z.string().describe("The visitor's id.") }),
    responses: { 200: { description: "Progress", schema: dataOf(visitorProgressView) } },
    handler: async ({ ctx, caller, params }) => {
      const progress = await ctx.runQuery(internal.visitorProgress.forVisitor, {
        workspaceId: caller.workspaceId,
        visitorId: params.visitorId,
      });
      return progress === null ? errorResponse("NOT_FOUND", "Visitor not found.") : jsonResponse({ data: progress });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/authoring-tokens",
    operationId: "createAuthoringToken",
    summary: "A short-lived token that opens the selector picker on a page",
    description:
      "The token is random (made here, in the HTTP action, where randomness is real) and stored hashed. " +
      "404 when the target tour or tooltip does not exist.",
    tags: ["Authoring"],
    body: authoringTokenBody,
    responses: { 201: { description: "The token, shown this once", schema: dataOf(authoringTokenView) } },
    errors: [404],
    handler: async ({ ctx, caller, body }) => {
      const token = generateAuthoringToken();
      const created = await ctx.runMutation(internal.authoring.createToken, {
        workspaceId: caller.workspaceId,
        tokenHash: await sha256Hex(token),
        ttlMinutes: body.ttlMinutes,
        target: body.target,
      });
      if (created === null) return errorResponse("NOT_FOUND", "Target not found.");
      const { pageUrl } = body;
      return jsonResponse(
        { data: { token, expiresAt: created.expiresAt, ...(pageUrl !== undefined ? { url: authoringUrl(pageUrl, token) } : {}) } },
        201,
      );
    },
  }),
];
