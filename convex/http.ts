import { HttpRouterWithHono } from "convex-helpers/server/hono";
import type { ActionCtx } from "./_generated/server";
import { httpAction } from "./_generated/server";
import { API_BASE, restApp } from "./rest/app";
import { handlePreflight } from "./rest/cors";
import { REST_ROUTES } from "./rest/routes";

/*
 * HTTP actions, served on the deployment's site URL. The admin REST API
 * (/api/v1) is a Hono app built from the route declarations in rest/routes.ts;
 * Convex routes registered here are matched first, Hono's after them.
 */
const http = new HttpRouterWithHono<ActionCtx>(restApp(REST_ROUTES));

// CORS preflight carries no credentials, so it is answered before authentication
// (with CORS headers only for an Origin some workspace allows; see rest/cors.ts).
http.route({ pathPrefix: `${API_BASE}/`, method: "OPTIONS", handler: httpAction(handlePreflight) });

export default http;
