import { Hono } from "hono";
import type { HonoWithConvex } from "convex-helpers/server/hono";
import type { ActionCtx } from "../_generated/server";
import { assertVerifiable, requirementsOf } from "./authSchemes";
import { withAnyWorkspaceCors } from "./cors";
import { errorResponse } from "./responses";
import type { Route } from "./route";
import { failureResponse, runRoute } from "./runRoute";

export const API_BASE = "/api/v1";

/** `/conversations/{id}/messages` → `/api/v1/conversations/:id/messages` (Hono's syntax). */
export function honoPath(path: string): string {
  return API_BASE + path.replace(/\{([A-Za-z0-9_]+)\}/g, ":$1");
}

function pathPattern(path: string): RegExp {
  const source = path
    .split("/")
    .map((segment) => (/^\{[A-Za-z0-9_]+\}$/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${API_BASE}${source}/?$`);
}

/** Methods declared for a concrete request path, in declaration order (for 405's `Allow`). */
export function methodsAt(routes: readonly Route[], pathname: string): string[] {
  return routes.filter((route) => pathPattern(route.path).test(pathname)).map((route) => route.method);
}

/**
 * The REST API as a Hono app whose `c.env` is the Convex action context. Each
 * declaration becomes one route; an unknown path answers 404 and a known path
 * with another method 405 with `Allow` (both before authentication: the route
 * table is public, in the OpenAPI document).
 */
export function restApp(routes: readonly Route[]): HonoWithConvex<ActionCtx> {
  const app: HonoWithConvex<ActionCtx> = new Hono({ strict: false });
  const seen = new Set<string>();
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) throw new Error(`REST route declared twice: ${key}`);
    seen.add(key);
    assertVerifiable(`${key} (${route.operationId})`, requirementsOf(route.auth));
    app.on(route.method, honoPath(route.path), (c) => runRoute(route, c.env as ActionCtx, c.req.raw, c.req.param()));
  }
  app.notFound(async (c) => {
    const ctx = c.env as ActionCtx;
    const allowed = methodsAt(routes, new URL(c.req.url).pathname);
    const response =
      allowed.length === 0
        ? errorResponse("NOT_FOUND", "No such resource.")
        : errorResponse("METHOD_NOT_ALLOWED", `Use ${allowed.join(", ")} here.`, { headers: { Allow: allowed.join(", ") } });
    return await withAnyWorkspaceCors(ctx, c.req.raw, response);
  });
  // runRoute maps every failure itself; this catches a bug in the glue.
  app.onError((error) => failureResponse(error));
  return app;
}
