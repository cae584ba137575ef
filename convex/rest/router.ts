import type { ActionCtx } from "../_generated/server";
import { appErrorData } from "../lib/errors";
import { authenticateApiKey, type ApiCaller } from "./auth";
import {
  closeConversation,
  listConversations,
  listMessages,
  replyToConversation,
  type RestHandler,
} from "./conversations";
import { withAnyWorkspaceCors, withWorkspaceCors } from "./cors";
import { ENGAGEMENT_ROUTES } from "./engagement";
import { MESSENGER_ROUTES } from "./messengerRoutes";
import { badApiKeyRetryAfter, restRetryAfter } from "../rateLimits";
import { errorResponse, rateLimitedResponse, restCodeFor } from "./responses";
import { getSecuritySettings, patchSecuritySettings, rotateIdentitySecret } from "./security";
import { auditRestCall, listAuditEntries } from "./audit";
import { uploadArticleImage } from "./articleImages";

export const API_BASE = "/api/v1/";

type Route = { pattern: string[]; methods: Partial<Record<string, RestHandler>> };

/** `:name` segments capture a path parameter. */
const ROUTES: Route[] = [
  { pattern: ["conversations"], methods: { GET: listConversations } },
  { pattern: ["conversations", ":id", "messages"], methods: { GET: listMessages, POST: replyToConversation } },
  { pattern: ["conversations", ":id", "close"], methods: { POST: closeConversation } },
  { pattern: ["workspace", "security"], methods: { GET: getSecuritySettings, PATCH: patchSecuritySettings } },
  { pattern: ["workspace", "security", "rotate-secret"], methods: { POST: rotateIdentitySecret } },
  { pattern: ["audit"], methods: { GET: listAuditEntries } },
  { pattern: ["articles", "images"], methods: { POST: uploadArticleImage } },
  // Tours, tooltips, outbound messages, surveys, checklists, progress, authoring tokens.
  ...ENGAGEMENT_ROUTES,
  // Help center, tickets, typing and seen receipts, messenger settings.
  ...MESSENGER_ROUTES,
];

function matchRoute(segments: string[]): { route: Route; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    if (route.pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = route.pattern.every((part, index) => {
      const segment = segments[index] ?? "";
      if (part.startsWith(":")) {
        params[part.slice(1)] = segment;
        return segment.length > 0;
      }
      return part === segment;
    });
    if (matches) return { route, params };
  }
  return null;
}

function pathSegments(url: string): string[] | null {
  const { pathname } = new URL(url);
  if (!pathname.startsWith(API_BASE)) return null;
  try {
    return pathname.slice(API_BASE.length).split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return null; // malformed percent-encoding
  }
}

/**
 * One entry point for every /api/v1/ request: authenticate, rate-limit per key,
 * route, run, map errors; CORS headers only for allowed origins (rest/cors.ts).
 */
export async function handleRestRequest(ctx: ActionCtx, request: Request): Promise<Response> {
  // An address that keeps presenting bad keys is told to wait before any lookup.
  const exhausted = await badApiKeyRetryAfter(ctx, false);
  if (exhausted !== null) return await withAnyWorkspaceCors(ctx, request, rateLimitedResponse(exhausted));
  const caller = await authenticateApiKey(ctx, request);
  if (caller === null) {
    const wait = await badApiKeyRetryAfter(ctx, true);
    if (wait !== null) return await withAnyWorkspaceCors(ctx, request, rateLimitedResponse(wait));
    const refused = errorResponse("UNAUTHENTICATED", "Missing or invalid API key. Send Authorization: Bearer <key>.", {
      headers: { "WWW-Authenticate": 'Bearer realm="opencom"' },
    });
    return await withAnyWorkspaceCors(ctx, request, refused);
  }
  return withWorkspaceCors(request, caller.allowedOrigins, await routeRequest(ctx, request, caller));
}

async function routeRequest(ctx: ActionCtx, request: Request, caller: ApiCaller): Promise<Response> {
  const retryAfter = await restRetryAfter(ctx, caller.apiKeyId);
  if (retryAfter !== null) return rateLimitedResponse(retryAfter);
  const segments = pathSegments(request.url);
  const matched = segments === null ? null : matchRoute(segments);
  if (matched === null) return errorResponse("NOT_FOUND", "No such resource.");
  const handler = matched.route.methods[request.method];
  if (handler === undefined) {
    const allowed = Object.keys(matched.route.methods).join(", ");
    return errorResponse("METHOD_NOT_ALLOWED", `Use ${allowed} here.`, { headers: { Allow: allowed } });
  }
  try {
    const startedAt = Date.now();
    const response = await handler(ctx, request, caller, matched.params);
    const resource = matched.route.pattern.filter((part) => !part.startsWith(":")).join("/");
    await auditRestCall(ctx, request, caller, { resource, id: matched.params["id"] }, response, startedAt);
    return response;
  } catch (error) {
    const data = appErrorData(error);
    if (data?.code === "RATE_LIMITED") return rateLimitedResponse(data.retryAfter ?? 1000);
    if (data !== null) {
      const fields = data.field === undefined ? undefined : { [data.field]: data.message };
      return errorResponse(restCodeFor(data.code), data.message, fields ? { fields } : {});
    }
    console.error("REST handler failed", error);
    return errorResponse("INTERNAL", "Internal error.");
  }
}
