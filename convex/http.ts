import { httpRouter, ROUTABLE_HTTP_METHODS } from "convex/server";
import { httpAction } from "./_generated/server";
import { handlePreflight } from "./rest/cors";
import { API_BASE, handleRestRequest } from "./rest/router";
import { routeAttachments } from "./attachmentsHttp";

/*
 * HTTP actions, served on the deployment's site URL. The admin REST API lives
 * under /api/v1/; routing below that prefix happens in rest/router.ts so that a
 * path id can be validated (a malformed one is a 404, not a crash).
 */
const http = httpRouter();

const restApi = httpAction(handleRestRequest);

for (const method of ROUTABLE_HTTP_METHODS) {
  if (method === "OPTIONS") continue;
  http.route({ pathPrefix: API_BASE, method, handler: restApi });
}

// CORS preflight carries no credentials, so it is answered before authentication
// (with CORS headers only for an Origin some workspace allows; see rest/cors.ts).
http.route({ pathPrefix: API_BASE, method: "OPTIONS", handler: httpAction(handlePreflight) });

// Attachment uploads and downloads for the widget (attachmentsHttp.ts).
routeAttachments(http);

export default http;
