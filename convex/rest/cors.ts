import { internal } from "../_generated/api";
import type { ActionCtx } from "../_generated/server";
import { isOriginAllowed } from "../lib/origins";

/**
 * CORS for the admin REST API. The API authenticates with a bearer key, never
 * a cookie, so CORS is not what protects it; still, only origins a workspace
 * lists in allowedOrigins get CORS headers, so a page on any other site can't
 * read responses even if it holds a leaked key in a browser.
 *
 * - A preflight (OPTIONS) carries no key: it gets CORS headers when ANY
 *   workspace allows the Origin; otherwise a bare 204 the browser will refuse.
 * - An authenticated request gets them only when ITS workspace allows the Origin.
 * - A request refused as unauthenticated (no workspace known) follows the
 *   preflight rule, so a browser console can tell a bad key from a network error.
 */

const CORS_ALLOW: Record<string, string> = {
  "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type, If-Match, Idempotency-Key",
  // Short, so a change to allowedOrigins takes effect soon in browsers.
  "Access-Control-Max-Age": "600",
};

/** Response headers a cross-origin script may read besides the CORS-safelisted ones. */
const CORS_EXPOSE = "Retry-After, WWW-Authenticate, Allow, Opencom-Next-Cursor";

/** The response with `Vary: Origin` and, when `allowed`, the CORS headers for `origin`. */
export function withCors(response: Response, origin: string | null, allowed: boolean): Response {
  const headers = new Headers(response.headers);
  headers.append("Vary", "Origin");
  if (origin !== null && allowed) {
    headers.set("Access-Control-Allow-Origin", origin);
    headers.set("Access-Control-Expose-Headers", CORS_EXPOSE);
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** For an authenticated request: its workspace's allow-list decides. */
export function withWorkspaceCors(request: Request, allowedOrigins: readonly string[], response: Response): Response {
  const origin = request.headers.get("Origin");
  return withCors(response, origin, origin !== null && isOriginAllowed(origin, allowedOrigins));
}

/** For requests without a known workspace: allowed when any workspace allows the origin. */
export async function withAnyWorkspaceCors(ctx: ActionCtx, request: Request, response: Response): Promise<Response> {
  const origin = request.headers.get("Origin");
  const allowed =
    origin !== null && (await ctx.runQuery(internal.workspaceSecurity.originAllowedByAnyWorkspace, { origin }));
  return withCors(response, origin, allowed);
}

/** OPTIONS under /api/v1/: answered before authentication (a preflight carries no key). */
export async function handlePreflight(ctx: ActionCtx, request: Request): Promise<Response> {
  const response = await withAnyWorkspaceCors(ctx, request, new Response(null, { status: 204 }));
  if (!response.headers.has("Access-Control-Allow-Origin")) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(CORS_ALLOW)) headers.set(name, value);
  return new Response(null, { status: 204, headers });
}
