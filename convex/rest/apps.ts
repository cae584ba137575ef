import { z } from "zod";
import { pageOf, pageParams, pageResponse } from "./pagination";
import { APP_SCREENS } from "../../core/apps/events";
import { APP_PROTOCOLS } from "../../core/apps/protocol";
import { APP_NAME_MAX_LENGTH, APP_ORIGINS_MAX, APP_URL_MAX_LENGTH, checkAppName, checkScreens, checkUrlAndOrigins } from "../../core/apps/registration";
import { checkOriginPattern } from "../../core/apps/origins";
import { internal } from "../_generated/api";
import { publicKeySet, readSigningKeys, SIGNING_KEYS_VARIABLE, SigningKeysMissingError } from "../lib/appSigningKeys";
import { AUTH } from "./authSchemes";
import { defined, idParams } from "./restHelpers";
import { errorResponse, jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { dataOf, deleted, epochMs } from "./views";

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

const appView = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    allowedOrigins: z.array(z.string()),
    screens: z.array(z.enum(APP_SCREENS)),
    enabled: z.boolean(),
    protocol: z.enum(APP_PROTOCOLS),
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .meta({ id: "App" });

const publicJwk = z.object({ kty: z.literal("RSA"), n: z.string(), e: z.string(), kid: z.string(), alg: z.literal("RS256"), use: z.literal("sig") });
const jwkSet = z.object({ keys: z.array(publicJwk) }).meta({ id: "JsonWebKeySet" });

const appNotFound = () => errorResponse("NOT_FOUND", "App not found.");
const TAGS = ["Custom apps"];

export const APP_ROUTES: Route[] = [
  // Before /apps/{id}, which would otherwise take "jwks.json" for an id.
  defineRoute({
    method: "GET",
    path: "/apps/jwks.json",
    operationId: "getAppsJwks",
    summary: "The public keys custom apps verify their tokens against",
    description:
      "Public and readable from any origin (apps verify in the browser); cached briefly, so a key added at a rotation shows up well within a token's lifetime.",
    tags: TAGS,
    auth: AUTH.public,
    responses: { 200: { description: "A JWK Set (application/jwk-set+json)", schema: jwkSet } },
    handler: async () => {
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
    },
  }),
  defineRoute({
    method: "GET",
    path: "/apps",
    operationId: "listApps",
    summary: "List the workspace's custom apps, by name, a page at a time",
    tags: TAGS,
    query: z.object(pageParams()),
    responses: { 200: { description: "One page of apps", schema: pageOf(appView) } },
    handler: async ({ ctx, caller, query }) =>
      await pageResponse(query, (paginationOpts) => ctx.runQuery(internal.apps.adminList, { workspaceId: caller.workspaceId, paginationOpts })),
  }),
  defineRoute({
    method: "POST",
    path: "/apps",
    operationId: "createApp",
    summary: "Register a custom app the inbox frames",
    tags: TAGS,
    body: createBody,
    responses: { 201: { description: "The app", schema: dataOf(appView) } },
    errors: [409],
    handler: async ({ ctx, caller, body }) =>
      jsonResponse({ data: await ctx.runMutation(internal.apps.adminCreate, { workspaceId: caller.workspaceId, fields: body }) }, 201),
  }),
  defineRoute({
    method: "GET",
    path: "/apps/{id}",
    operationId: "getApp",
    summary: "Read a custom app",
    tags: TAGS,
    params: idParams("app"),
    responses: { 200: { description: "The app", schema: dataOf(appView) } },
    handler: async ({ ctx, caller, params }) => {
      const row = await ctx.runQuery(internal.apps.adminGet, { workspaceId: caller.workspaceId, id: params.id });
      return row === null ? appNotFound() : jsonResponse({ data: row });
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/apps/{id}",
    operationId: "updateApp",
    summary: "Change any subset of a custom app's fields",
    description: "The result is checked whole: the url's origin must stay within allowedOrigins.",
    tags: TAGS,
    params: idParams("app"),
    body: patchBody,
    responses: { 200: { description: "The app after the change", schema: dataOf(appView) } },
    errors: [409],
    handler: async ({ ctx, caller, params, body }) => {
      const row = await ctx.runMutation(internal.apps.adminUpdate, { workspaceId: caller.workspaceId, id: params.id, fields: defined(body) });
      return row === null ? appNotFound() : jsonResponse({ data: row });
    },
  }),
  defineRoute({
    method: "DELETE",
    path: "/apps/{id}",
    operationId: "deleteApp",
    summary: "Remove a custom app",
    tags: TAGS,
    params: idParams("app"),
    responses: { 200: { description: "Removed", schema: dataOf(deleted) } },
    handler: async ({ ctx, caller, params }) => {
      const removed = await ctx.runMutation(internal.apps.adminRemove, { workspaceId: caller.workspaceId, id: params.id });
      return removed ? jsonResponse({ data: { id: params.id, deleted: true } }) : appNotFound();
    },
  }),
];
