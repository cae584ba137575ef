import { httpRouter, ROUTABLE_HTTP_METHODS } from "convex/server";
import { httpAction } from "./_generated/server";
import { auth } from "./auth";
import { API_BASE } from "./rest/app";
import { handlePreflight } from "./rest/cors";
import { REST_API } from "./rest/routes";
import { routeAttachments } from "./attachmentsHttp";
import { routeGateways } from "./gatewayHttp";

/*
 * HTTP actions, served on the deployment's site URL. Everything under /api/v1/
 * goes to the REST API, a Hono app built from the route declarations
 * (rest/routes.ts), which answers 404/405 for what is not declared. Other paths
 * stay Convex's (its own 404, and routes later issues add beside this one).
 */
const http = httpRouter();

// Convex Auth: /.well-known/openid-configuration and /.well-known/jwks.json (operator tokens).
auth.addHttpRoutes(http);

const restApi = httpAction(async (ctx, request) => await REST_API.fetch(request, ctx));

for (const method of ROUTABLE_HTTP_METHODS) {
  if (method === "OPTIONS") continue;
  http.route({ pathPrefix: `${API_BASE}/`, method, handler: restApi });
}

// CORS preflight carries no credentials, so it is answered before authentication
// (with CORS headers only for an Origin some workspace allows; see rest/cors.ts).
http.route({ pathPrefix: `${API_BASE}/`, method: "OPTIONS", handler: httpAction(handlePreflight) });

// Attachment uploads and downloads for the widget (attachmentsHttp.ts).
routeAttachments(http);

// Chat gateway services' signed calls (gatewayHttp.ts).
routeGateways(http);

export default http;
