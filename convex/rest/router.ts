import type { ActionCtx } from "../_generated/server";
import { appErrorData } from "../lib/errors";
import { authenticateApiKey } from "./auth";
import {
  closeConversation,
  listConversations,
  listMessages,
  replyToConversation,
  type RestHandler,
} from "./conversations";
import { errorResponse, restCodeFor } from "./responses";

export const API_BASE = "/api/v1/";

type Route = { pattern: string[]; methods: Partial<Record<string, RestHandler>> };

/** `:name` segments capture a path parameter. */
const ROUTES: Route[] = [
  { pattern: ["conversations"], methods: { GET: listConversations } },
  { pattern: ["conversations", ":id", "messages"], methods: { GET: listMessages, POST: replyToConversation } },
  { pattern: ["conversations", ":id", "close"], methods: { POST: closeConversation } },
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

/** One entry point for every /api/v1/ request: authenticate, route, run, map errors. */
export async function handleRestRequest(ctx: ActionCtx, request: Request): Promise<Response> {
  const caller = await authenticateApiKey(ctx, request);
  if (caller === null) {
    return errorResponse("UNAUTHENTICATED", "Missing or invalid API key. Send Authorization: Bearer <key>.", {
      headers: { "WWW-Authenticate": 'Bearer realm="opencom"' },
    });
  }
  const segments = pathSegments(request.url);
  const matched = segments === null ? null : matchRoute(segments);
  if (matched === null) return errorResponse("NOT_FOUND", "No such resource.");
  const handler = matched.route.methods[request.method];
  if (handler === undefined) {
    const allowed = Object.keys(matched.route.methods).join(", ");
    return errorResponse("METHOD_NOT_ALLOWED", `Use ${allowed} here.`, { headers: { Allow: allowed } });
  }
  try {
    return await handler(ctx, request, caller, matched.params);
  } catch (error) {
    const data = appErrorData(error);
    if (data !== null) {
      const fields = data.field === undefined ? undefined : { [data.field]: data.message };
      return errorResponse(restCodeFor(data.code), data.message, fields ? { fields } : {});
    }
    console.error("REST handler failed", error);
    return errorResponse("INTERNAL", "Internal error.");
  }
}
