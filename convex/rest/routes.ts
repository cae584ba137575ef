import { ACTIVITY_ROUTES } from "./activity";
import { API_KEY_ROUTES } from "./apiKeys";
import { APP_ROUTES } from "./apps";
import { ARTICLE_IMAGE_ROUTES } from "./articleImages";
import { AUDIT_ROUTES } from "./audit";
import { restApp } from "./app";
import { CONVERSATION_ROUTES } from "./conversations";
import { ENGAGEMENT_ROUTES } from "./engagement";
import { ENGAGEMENT_RESULT_ROUTES } from "./engagementResults";
import { GATEWAY_ROUTES } from "./gateways";
import { HELP_CENTER_ROUTES } from "./helpCenter";
import { AUTH } from "./authSchemes";
import { BOT_ROUTES } from "./bots";
import { MESSENGER_SETTINGS_ROUTES } from "./messengerSettings";
import { openApiDocument } from "./openapi";
import { jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { SECURITY_ROUTES } from "./security";
import { TICKET_ROUTES } from "./tickets";
import { VISITOR_ROUTES } from "./visitors";
import { WEBHOOK_ROUTES } from "./webhooks";
import { OAUTH_ROUTES } from "./oauth";
import { WIDGET_CONFIGURATION_ROUTES } from "./widgetConfigurations";

/**
 * Every operation of the REST API under /api/v1, in the order the OpenAPI
 * document lists them. A new domain adds its declarations here.
 */
const DOMAIN_ROUTES: Route[] = [
  ...CONVERSATION_ROUTES,
  ...ACTIVITY_ROUTES,
  ...SECURITY_ROUTES,
  ...AUDIT_ROUTES,
  ...API_KEY_ROUTES,
  // Visitors and their satisfaction ratings.
  ...VISITOR_ROUTES,
  // Tours, tooltips, outbound messages, surveys, checklists, progress, authoring tokens.
  ...ENGAGEMENT_ROUTES,
  ...ENGAGEMENT_RESULT_ROUTES,
  // Before HELP_CENTER_ROUTES: POST /articles/images must win over /articles/{id}.
  ...ARTICLE_IMAGE_ROUTES,
  ...HELP_CENTER_ROUTES,
  ...TICKET_ROUTES,
  ...MESSENGER_SETTINGS_ROUTES,
  ...WEBHOOK_ROUTES,
  // Chat gateways: profiles, broadcasts and their callbacks' delivery log.
  ...GATEWAY_ROUTES,
  // Custom apps in the operator inbox, and the public keys their tokens verify against.
  ...APP_ROUTES,
  // Bot webhook connections (the chatbot webhook protocol's shapes) and stories.
  ...BOT_ROUTES,
  // OAuth clients and tokens, and the widget configurations they edit.
  ...OAUTH_ROUTES,
  ...WIDGET_CONFIGURATION_ROUTES,
];

let cachedDocument: Record<string, unknown> | undefined;

/** The document describes itself too: the one public route. */
const openApiRoute = defineRoute({
  method: "GET",
  path: "/openapi.json",
  operationId: "getOpenApiDocument",
  summary: "This API's OpenAPI 3.1 document",
  tags: ["Meta"],
  auth: AUTH.public,
  responses: { 200: { description: "The OpenAPI document" } },
  handler: async () => jsonResponse(restOpenApiDocument(), 200, { "Cache-Control": "public, max-age=300" }),
});

export const REST_ROUTES: readonly Route[] = [...DOMAIN_ROUTES, openApiRoute];

/** Generated once per deployment (the declarations are fixed at load). */
export function restOpenApiDocument(): Record<string, unknown> {
  cachedDocument ??= openApiDocument(REST_ROUTES);
  return cachedDocument;
}

/** The app convex/http.ts mounts under /api/v1/. */
export const REST_API = restApp(REST_ROUTES);
