import type { ActionCtx } from "../_generated/server";
import { appErrorData } from "../lib/errors";
import { badApiKeyRetryAfter, restRetryAfter, retryAfterFor } from "../model/rateLimits";
import { auditRestCall } from "./audit";
import type { Caller } from "./auth";
import { authenticate, isPublic, requirementsOf } from "./authSchemes";
import { withAnyWorkspaceCors, withWorkspaceCors } from "./cors";
import { errorResponse, rateLimitedResponse, restCodeFor } from "./responses";
import type { Route } from "./route";
import { queryValues, readJsonBody, validate } from "./validation";

/**
 * Runs one declared route: refuse addresses that keep presenting bad
 * credentials, authenticate, rate-limit per credential, validate
 * path, query and body against the declaration, call the handler, map expected
 * failures to the error shape, leave an audit entry for state-changing calls;
 * CORS headers only for allowed origins (rest/cors.ts).
 */
export async function runRoute(
  route: Route,
  ctx: ActionCtx,
  request: Request,
  pathParams: Record<string, string>,
): Promise<Response> {
  const requirements = requirementsOf(route.auth);
  const checksCredentials = !isPublic(requirements);
  // An address that keeps presenting bad credentials is told to wait before any lookup.
  const exhausted = checksCredentials ? await badApiKeyRetryAfter(ctx, false) : null;
  if (exhausted !== null) return await withAnyWorkspaceCors(ctx, request, rateLimitedResponse(exhausted));
  const auth = await authenticate(ctx, request, requirements);
  if (!auth.ok) {
    const wait = auth.response.status === 401 ? await badApiKeyRetryAfter(ctx, true) : null;
    const refused = wait === null ? auth.response : rateLimitedResponse(wait);
    return await withAnyWorkspaceCors(ctx, request, refused);
  }
  const { caller } = auth;
  const response = await rateLimitedRun(route, ctx, request, pathParams, caller);
  return caller === null
    ? await withAnyWorkspaceCors(ctx, request, response)
    : withWorkspaceCors(request, caller.allowedOrigins, response);
}

async function rateLimitedRun(
  route: Route,
  ctx: ActionCtx,
  request: Request,
  pathParams: Record<string, string>,
  caller: Caller | null,
): Promise<Response> {
  const startedAt = Date.now();
  const refused = async (response: Response): Promise<Response> => {
    if (caller !== null && route.auditRefusal !== undefined) {
      await route.auditRefusal({ ctx, caller, request, pathParams, response: response.clone(), startedAt });
    }
    return response;
  };
  if (caller !== null) {
    const retryAfter = await restRetryAfter(ctx, caller.rateLimitKey);
    if (retryAfter !== null) return await refused(rateLimitedResponse(retryAfter));
    const routeWait = route.rateLimit === undefined ? null : await retryAfterFor(ctx, route.rateLimit, caller.rateLimitKey);
    if (routeWait !== null) return await refused(rateLimitedResponse(routeWait));
  }
  const input = await parseInput(route, request, pathParams);
  if (!input.ok) return await refused(input.response);
  try {
    const response = await route.handler({ ctx, request, caller, ...input.data });
    if (caller !== null && route.auditRefusal === undefined) {
      await auditRestCall(ctx, request, caller, auditTarget(route, pathParams), response, startedAt);
    }
    return response;
  } catch (error) {
    return failureResponse(error);
  }
}

/** The audit log's target: the route's fixed path segments as the resource, `{id}` as its id. */
function auditTarget(route: Route, pathParams: Record<string, string>): { resource: string; id?: string } {
  const resource = route.path
    .split("/")
    .filter((part) => part !== "" && !part.startsWith("{"))
    .join("/");
  const id = pathParams["id"];
  return id === undefined ? { resource } : { resource, id };
}

type Input = { params: Record<string, unknown>; query: Record<string, unknown>; body: unknown };

async function parseInput(
  route: Route,
  request: Request,
  pathParams: Record<string, string>,
): Promise<{ ok: true; data: Input } | { ok: false; response: Response }> {
  let params: Record<string, unknown> = {};
  if (route.params !== undefined) {
    const parsed = route.params.safeParse(pathParams);
    // A path segment that can't be an id names no resource.
    if (!parsed.success) return { ok: false, response: errorResponse("NOT_FOUND", "No such resource.") };
    params = parsed.data;
  }
  let query: Record<string, unknown> = {};
  if (route.query !== undefined) {
    const parsed = validate(route.query, queryValues(request, queryNames(route)), "query parameters");
    if (!parsed.ok) return parsed;
    query = parsed.data;
  }
  let body: unknown = undefined;
  if (route.body !== undefined) {
    const json = await readJsonBody(request, route.bodyOptional === true);
    if (!json.ok) return json;
    const screened = route.screenBody?.(json.data) ?? null;
    if (screened !== null) {
      return { ok: false, response: errorResponse("INVALID_ARGUMENT", "Invalid request body.", { fields: screened }) };
    }
    const parsed = validate(route.body, json.data, "request body");
    if (!parsed.ok) return parsed;
    body = parsed.data;
  }
  return { ok: true, data: { params, query, body } };
}

function queryNames(route: Route): string[] {
  const shape = (route.query as { shape?: Record<string, unknown> } | undefined)?.shape;
  if (shape === undefined) throw new Error(`${route.operationId}: query must be a z.object.`);
  return Object.keys(shape);
}

/** ConvexError({code}) from a domain function → its REST status; anything else is a bug (500, logged). */
export function failureResponse(error: unknown): Response {
  const data = appErrorData(error);
  if (data?.code === "RATE_LIMITED") return rateLimitedResponse(data.retryAfter ?? 1000);
  if (data !== null) {
    const fields = data.field === undefined ? undefined : { [data.field]: data.message };
    return errorResponse(restCodeFor(data.code), data.message, fields ? { fields } : {});
  }
  console.error("REST handler failed", error);
  return errorResponse("INTERNAL", "Internal error.");
}
