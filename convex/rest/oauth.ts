import { z } from "zod";
import { pageOf, pageParams, pageResponse } from "./pagination";
import { internal } from "../_generated/api";
import type { ActionCtx } from "../_generated/server";
import { constantTimeEqual, sha256Hex } from "../lib/crypto";
import { ACCESS_TOKEN_TTL_SECONDS, generateClientCredentials, grantedScopes, OAUTH_SCOPES, parseBasicAuth, signAccessToken } from "../lib/oauthTokens";
import { siteUrl } from "../lib/siteUrl";
import { badApiKeyRetryAfter } from "../model/rateLimits";
import { callerActor } from "./auth";
import { AUTH } from "./authSchemes";
import { errorResponse, jsonResponse, rateLimitedResponse } from "./responses";
import { trimmedText } from "./restHelpers";
import { defineRoute, type Route } from "./route";
import { dataOf, epochMs } from "./views";

/*
 * OAuth 2.0 client credentials: clients made with the admin API key, and the
 * token endpoint (RFC 6749 §4.4), which takes HTTP Basic client
 * authentication and a form body, and answers errors as RFC 6749 §5.2 says
 * (`{error, error_description}`), the one exception to this API's error shape.
 */

const TAGS = ["OAuth"];
const scope = z.enum(OAUTH_SCOPES);

const clientView = z
  .object({ clientId: z.string(), name: z.string(), scopes: z.array(scope), createdAt: epochMs, revokedAt: epochMs.nullable() })
  .meta({ id: "OAuthClient" });

/** RFC 6749 §5.2 error answer; never cached (§5.1). */
function oauthError(status: 400 | 401, error: string, description: string, headers: Record<string, string> = {}): Response {
  return jsonResponse({ error, error_description: description }, status, { "Cache-Control": "no-store", Pragma: "no-cache", ...headers });
}

const FORM = "application/x-www-form-urlencoded";

async function issueToken(ctx: ActionCtx, request: Request): Promise<Response> {
  const credentials = parseBasicAuth(request.headers.get("Authorization"));
  const invalidClient = async (description: string) => {
    const wait = await badApiKeyRetryAfter(ctx, true);
    return wait !== null
      ? rateLimitedResponse(wait)
      : oauthError(401, "invalid_client", description, { "WWW-Authenticate": 'Basic realm="opencom", charset="UTF-8"' });
  };
  const exhausted = await badApiKeyRetryAfter(ctx, false);
  if (exhausted !== null) return rateLimitedResponse(exhausted);
  if (credentials === null) return await invalidClient("Authenticate the client with HTTP Basic: base64(client_id:client_secret).");
  const client = await ctx.runQuery(internal.oauthClients.findActive, { clientId: credentials.clientId });
  const presentedHash = await sha256Hex(credentials.clientSecret);
  if (client === null || !constantTimeEqual(client.secretHash, presentedHash)) return await invalidClient("Unknown client, wrong secret, or a revoked client.");
  if (!(request.headers.get("Content-Type") ?? "").toLowerCase().startsWith(FORM)) {
    return oauthError(400, "invalid_request", `Send the parameters as ${FORM}.`);
  }
  const form = new URLSearchParams(await request.text());
  const grantType = form.get("grant_type");
  if (grantType === null || grantType === "") return oauthError(400, "invalid_request", "grant_type is required.");
  if (grantType !== "client_credentials") return oauthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
  const granted = grantedScopes(form.get("scope"), client.scopes);
  if (!granted.ok) return oauthError(400, "invalid_scope", `Not granted to this client: ${granted.unknown.join(" ")}.`);
  const token = await signAccessToken({ clientId: client.clientId, workspaceId: client.workspaceId, scopes: granted.scopes }, siteUrl(), Date.now());
  return jsonResponse(
    { access_token: token, token_type: "Bearer", expires_in: ACCESS_TOKEN_TTL_SECONDS, scope: granted.scopes.join(" ") },
    200,
    { "Cache-Control": "no-store", Pragma: "no-cache" },
  );
}

export const OAUTH_ROUTES: Route[] = [
  defineRoute({
    method: "POST",
    path: "/oauth/clients",
    operationId: "createOAuthClient",
    summary: "Create an OAuth client (its secret is shown once)",
    tags: TAGS,
    body: z.strictObject({ name: trimmedText(100), scopes: z.array(scope).min(1).max(OAUTH_SCOPES.length) }),
    responses: {
      201: {
        description: "The client with its secret, which is never shown again",
        schema: dataOf(clientView.extend({ clientSecret: z.string() }).meta({ id: "OAuthClientWithSecret" })),
      },
    },
    handler: async ({ ctx, caller, body }) => {
      const { clientId, clientSecret } = generateClientCredentials();
      const client = await ctx.runMutation(internal.oauthClients.create, {
        workspaceId: caller.workspaceId,
        clientId,
        name: body.name,
        secretHash: await sha256Hex(clientSecret),
        scopes: [...new Set(body.scopes)],
        actor: callerActor(caller),
      });
      return jsonResponse({ data: { ...client, clientSecret } }, 201);
    },
  }),
  defineRoute({
    method: "GET",
    path: "/oauth/clients",
    operationId: "listOAuthClients",
    summary: "The workspace's OAuth clients (never their secrets), oldest first, a page at a time",
    tags: TAGS,
    query: z.object(pageParams()),
    responses: { 200: { description: "One page of clients", schema: pageOf(clientView) } },
    handler: async ({ ctx, caller, query }) =>
      await pageResponse(query, (paginationOpts) => ctx.runQuery(internal.oauthClients.list, { workspaceId: caller.workspaceId, paginationOpts })),
  }),
  defineRoute({
    method: "DELETE",
    path: "/oauth/clients/{id}",
    operationId: "revokeOAuthClient",
    summary: "Revoke a client: its tokens stop working at once",
    tags: TAGS,
    params: z.object({ id: z.string().describe("The client id (`occ_…`).") }),
    responses: { 200: { description: "Revoked", schema: z.object({ id: z.string(), revoked: z.literal(true) }) } },
    handler: async ({ ctx, caller, params }) => {
      const found = await ctx.runMutation(internal.oauthClients.revoke, { workspaceId: caller.workspaceId, clientId: params.id, actor: callerActor(caller) });
      return found ? jsonResponse({ id: params.id, revoked: true }) : errorResponse("NOT_FOUND", "No such client.");
    },
  }),
  defineRoute({
    method: "POST",
    path: "/oauth/clients/{id}/secret",
    operationId: "rotateOAuthClientSecret",
    summary: "Give a client a new secret (shown once); the old one and tokens issued before stop working",
    tags: TAGS,
    params: z.object({ id: z.string().describe("The client id (`occ_…`).") }),
    errors: [409],
    responses: { 200: { description: "The new secret, never shown again", schema: dataOf(z.object({ clientId: z.string(), clientSecret: z.string() })) } },
    handler: async ({ ctx, caller, params }) => {
      const { clientSecret } = generateClientCredentials();
      const secretHash = await sha256Hex(clientSecret);
      await ctx.runMutation(internal.oauthClients.replaceSecret, { workspaceId: caller.workspaceId, clientId: params.id, secretHash, actor: callerActor(caller) });
      return jsonResponse({ data: { clientId: params.id, clientSecret } });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/oauth/token",
    operationId: "issueOAuthToken",
    summary: "An access token (client credentials grant)",
    description:
      "HTTP Basic client authentication (`Authorization: Basic base64(client_id:client_secret)`) and a form body " +
      "(`application/x-www-form-urlencoded`): `grant_type=client_credentials` and an optional space-delimited `scope` " +
      "(default: every scope of the client). Errors follow RFC 6749 §5.2: `{error, error_description}` with `invalid_client` (401, " +
      "with `WWW-Authenticate: Basic`), `invalid_request`, `unsupported_grant_type` or `invalid_scope` (400).",
    tags: TAGS,
    auth: AUTH.public,
    responses: {
      200: {
        description: "A bearer token",
        schema: z
          .object({ access_token: z.string(), token_type: z.literal("Bearer"), expires_in: z.number().int(), scope: z.string() })
          .meta({ id: "OAuthToken" }),
      },
    },
    handler: async ({ ctx, request }) => await issueToken(ctx, request),
  }),
];
