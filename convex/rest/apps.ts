import { z } from "zod";
import { APP_SCREENS } from "../../core/apps/events";
import { APP_PROTOCOLS } from "../../core/apps/protocol";
import { APP_NAME_MAX_LENGTH, APP_ORIGINS_MAX, APP_URL_MAX_LENGTH, checkAppName, checkScreens, checkUrlAndOrigins } from "../../core/apps/registration";
import { checkOriginPattern } from "../../core/apps/origins";
import { internal } from "../_generated/api";
import type { ActionCtx } from "../_generated/server";
import { publicKeySet, readSigningKeys, SIGNING_KEYS_VARIABLE, SigningKeysMissingError } from "../lib/appSigningKeys";
import { parseBody, type Route } from "./contentCrud";
import type { RestHandler } from "./conversations";
import { defined } from "./restHelpers";
import { errorResponse, jsonResponse } from "./responses";

/*
 * /api/v1/apps: custom apps the operator inbox frames (list, create, read,
 * PATCH, delete), and the public /api/v1/apps/jwks.json their tokens verify against.
 */

const name = z.string().superRefine((value, ctx) => {
  const problem = checkAppName(value);
  if (problem !== null) ctx.addIssue({ code: "custom", message: `name ${problem}.` });
});
const url = z.string().max(APP_URL_MAX_LENGTH);
const origin = z.string().superRefine((value, ctx) => {
  const check = checkOriginPattern(value);
  if (!check.ok) ctx.addIssue({ code: "custom", message: `"${value}" ${check.reason}.` });
});
const allowedOrigins = z.array(origin).min(1, "List at least one origin.").max(APP_ORIGINS_MAX);
const screens = z.array(z.enum(APP_SCREENS)).superRefine((value, ctx) => {
  const problem = checkScreens(value);
  if (problem !== null) ctx.addIssue({ code: "custom", message: `screens ${problem}.` });
});
const protocol = z.enum(APP_PROTOCOLS);

/** The URL's origin must be allowed: checked here when both arrive together, else after the merge. */
const urlCoveredByOrigins = (body: { url?: string | undefined; allowedOrigins?: string[] | undefined }, ctx: z.RefinementCtx) => {
  if (body.url === undefined || body.allowedOrigins === undefined) return;
  for (const [field, message] of Object.entries(checkUrlAndOrigins(body.url, body.allowedOrigins))) {
    if (field === "url") ctx.addIssue({ code: "custom", message: `url ${message}.`, path: ["url"] });
  }
};

const createBody = z
  .strictObject({ name, url, allowedOrigins, screens, enabled: z.boolean().default(true), protocol: protocol.default("opencom") })
  .superRefine(urlCoveredByOrigins);
const patchBody = z
  .strictObject({
    name: name.optional(),
    url: url.optional(),
    allowedOrigins: allowedOrigins.optional(),
    screens: screens.optional(),
    enabled: z.boolean().optional(),
    protocol: protocol.optional(),
  })
  .superRefine(urlCoveredByOrigins)
  .refine((body) => Object.keys(body).length > 0, { message: "Give at least one field to change.", path: ["(body)"] });

const appNotFound = () => errorResponse("NOT_FOUND", "App not found.");

const listApps: RestHandler = async (ctx, _request, caller) =>
  jsonResponse({ data: await ctx.runQuery(internal.apps.adminList, { workspaceId: caller.workspaceId }) });

const createApp: RestHandler = async (ctx, request, caller) => {
  const body = await parseBody(request, createBody);
  if (!body.ok) return body.response;
  return jsonResponse({ data: await ctx.runMutation(internal.apps.adminCreate, { workspaceId: caller.workspaceId, fields: body.data }) }, 201);
};

const getApp: RestHandler = async (ctx, _request, caller, params) => {
  const row = await ctx.runQuery(internal.apps.adminGet, { workspaceId: caller.workspaceId, id: params["id"] ?? "" });
  return row === null ? appNotFound() : jsonResponse({ data: row });
};

const updateApp: RestHandler = async (ctx, request, caller, params) => {
  const body = await parseBody(request, patchBody);
  if (!body.ok) return body.response;
  const row = await ctx.runMutation(internal.apps.adminUpdate, { workspaceId: caller.workspaceId, id: params["id"] ?? "", fields: defined(body.data) });
  return row === null ? appNotFound() : jsonResponse({ data: row });
};

const deleteApp: RestHandler = async (ctx, _request, caller, params) => {
  const id = params["id"] ?? "";
  const removed = await ctx.runMutation(internal.apps.adminRemove, { workspaceId: caller.workspaceId, id });
  return removed ? jsonResponse({ data: { id, deleted: true } }) : appNotFound();
};

export const APP_ROUTES: Route[] = [
  { pattern: ["apps"], methods: { GET: listApps, POST: createApp } },
  { pattern: ["apps", ":id"], methods: { GET: getApp, PATCH: updateApp, DELETE: deleteApp } },
];

export const APPS_JWKS_PATH = "/api/v1/apps/jwks.json";

/** Whether a request is for the public key set (served without an API key). */
export function isAppsJwksRequest(request: Request): boolean {
  return request.method === "GET" && new URL(request.url).pathname === APPS_JWKS_PATH;
}

/**
 * The public keys of the app tokens. Public and readable from any origin (apps
 * verify in the browser); cached briefly, so a key added at a rotation shows up
 * well within a token's lifetime.
 */
export async function serveAppsJwks(_ctx: ActionCtx, _request: Request): Promise<Response> {
  try {
    const keys = await readSigningKeys(process.env[SIGNING_KEYS_VARIABLE]);
    return jsonResponse(publicKeySet(keys), 200, {
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
      "Content-Type": "application/jwk-set+json",
    });
  } catch (error) {
    if (!(error instanceof SigningKeysMissingError)) throw error;
    console.error(error.message);
    return errorResponse("INTERNAL", "App signing keys are not configured on this deployment.", { headers: { "Access-Control-Allow-Origin": "*" } });
  }
}
