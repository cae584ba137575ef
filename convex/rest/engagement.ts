import { z } from "zod";
import { internal } from "../_generated/api";
import { sha256Hex } from "../lib/crypto";
import { authoringUrl, generateAuthoringToken } from "../lib/authoringTokens";
import { contentRoutes, parseBody, type Route } from "./contentCrud";
import type { RestHandler } from "./conversations";
import {
  authoringTokenBody,
  checklistSchemas,
  outboundSchemas,
  surveySchemas,
  tooltipSchemas,
  tourSchemas,
} from "./engagementSchemas";
import { zodFieldErrors } from "./parsing";
import { errorResponse, jsonResponse } from "./responses";

/*
 * REST routes of the engagement features: content CRUD for tours, tooltips,
 * outbound messages, surveys and checklists, survey responses, a visitor's
 * progress, and authoring tokens for the selector picker. router.ts spreads
 * ENGAGEMENT_ROUTES into its table.
 */

const responsesQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) });

/** GET /api/v1/surveys/{id}/responses?limit=1..100 — newest first. */
const listSurveyResponses: RestHandler = async (ctx, request, caller, params) => {
  const parsed = responsesQuery.safeParse({ limit: new URL(request.url).searchParams.get("limit") ?? undefined });
  if (!parsed.success) {
    return errorResponse("INVALID_ARGUMENT", "Invalid query parameters.", { fields: zodFieldErrors(parsed.error) });
  }
  const responses = await ctx.runQuery(internal.surveys.listResponses, {
    workspaceId: caller.workspaceId,
    surveyId: params["id"] ?? "",
    limit: parsed.data.limit,
  });
  return responses === null ? errorResponse("NOT_FOUND", "Survey not found.") : jsonResponse({ data: responses });
};

/** GET /api/v1/visitors/{visitorId}/progress — tour and checklist progress. */
const visitorProgress: RestHandler = async (ctx, _request, caller, params) => {
  const progress = await ctx.runQuery(internal.visitorProgress.forVisitor, {
    workspaceId: caller.workspaceId,
    visitorId: params["visitorId"] ?? "",
  });
  return progress === null ? errorResponse("NOT_FOUND", "Visitor not found.") : jsonResponse({ data: progress });
};

/**
 * POST /api/v1/authoring-tokens
 * `{target: {type: "tourStep", tourId, stepIndex} | {type: "tooltip", tooltipId}, ttlMinutes?, pageUrl?}`
 * → 201 `{data: {token, expiresAt, url?}}`. The token is random (made here, in
 * the HTTP action, where randomness is real) and stored hashed.
 */
const createAuthoringToken: RestHandler = async (ctx, request, caller) => {
  const body = await parseBody(request, authoringTokenBody);
  if (!body.ok) return body.response;
  const token = generateAuthoringToken();
  const created = await ctx.runMutation(internal.authoring.createToken, {
    workspaceId: caller.workspaceId,
    tokenHash: await sha256Hex(token),
    ttlMinutes: body.data.ttlMinutes,
    target: body.data.target,
  });
  if (created === null) return errorResponse("NOT_FOUND", "Target not found.");
  const { pageUrl } = body.data;
  return jsonResponse(
    { data: { token, expiresAt: created.expiresAt, ...(pageUrl !== undefined ? { url: authoringUrl(pageUrl, token) } : {}) } },
    201,
  );
};

export const ENGAGEMENT_ROUTES: Route[] = [
  ...contentRoutes("tours", "Tour", internal.tours, tourSchemas),
  ...contentRoutes("tooltips", "Tooltip", internal.tooltips, tooltipSchemas),
  ...contentRoutes("outbound-messages", "Outbound message", internal.outboundMessages, outboundSchemas),
  ...contentRoutes("surveys", "Survey", internal.surveys, surveySchemas),
  ...contentRoutes("checklists", "Checklist", internal.checklists, checklistSchemas),
  { pattern: ["surveys", ":id", "responses"], methods: { GET: listSurveyResponses } },
  { pattern: ["visitors", ":visitorId", "progress"], methods: { GET: visitorProgress } },
  { pattern: ["authoring-tokens"], methods: { POST: createAuthoringToken } },
];
