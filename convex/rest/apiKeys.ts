import { z } from "zod";
import { pageOf, pageParams, pageResponse } from "./pagination";
import { internal } from "../_generated/api";
import { errorResponse, jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { dataOf, epochMs } from "./views";

/*
 * /api/v1/api-keys: list, mint and revoke the workspace's admin keys with an admin key.
 * A key is shown once, when minted; only its hash is kept. The key making a request cannot
 * revoke itself, so a workspace is never left without a key by mistake.
 */

const apiKeyView = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe("The key's first characters, to tell keys apart."),
    createdAt: epochMs,
    lastUsedAt: epochMs.nullable().describe("The last REST call made with it, to the minute."),
    revokedAt: epochMs.nullable(),
  })
  .meta({ id: "ApiKey" });

const createBody = z.object({ name: z.string().trim().min(1).max(100).describe("What the key is for, e.g. \"CRM sync\".") });

const TAGS = ["API keys"];

export const API_KEY_ROUTES: Route[] = [
  defineRoute({
    method: "GET",
    path: "/api-keys",
    operationId: "listApiKeys",
    summary: "The workspace's admin API keys (never the keys themselves)",
    tags: TAGS,
    query: z.object(pageParams()),
    responses: { 200: { description: "One page of keys, oldest first", schema: pageOf(apiKeyView) } },
    handler: async ({ ctx, caller, query }) =>
      await pageResponse(query, (paginationOpts) => ctx.runQuery(internal.apiKeys.listForWorkspace, { workspaceId: caller.workspaceId, paginationOpts })),
  }),
  defineRoute({
    method: "POST",
    path: "/api-keys",
    operationId: "createApiKey",
    summary: "Mint an admin API key; the answer is the only time it is shown",
    tags: TAGS,
    body: createBody,
    responses: { 201: { description: "The new key", schema: dataOf(z.object({ id: z.string(), name: z.string(), key: z.string() }).meta({ id: "NewApiKey" })) } },
    handler: async ({ ctx, caller, body }) => {
      const created = await ctx.runAction(internal.apiKeys.create, { workspaceId: caller.workspaceId, name: body.name });
      return jsonResponse({ data: { id: created.apiKeyId, name: body.name, key: created.apiKey } }, 201);
    },
  }),
  defineRoute({
    method: "DELETE",
    path: "/api-keys/{id}",
    operationId: "revokeApiKey",
    summary: "Revoke an admin API key (idempotent); it stops working at once",
    tags: TAGS,
    params: z.object({ id: z.string().describe("The key's id (not the key).") }),
    responses: { 200: { description: "Revoked", schema: dataOf(z.object({ id: z.string(), revoked: z.literal(true) })) } },
    errors: [404, 409],
    handler: async ({ ctx, caller, params }) => {
      const apiKeyId = await ctx.runQuery(internal.apiKeys.findInWorkspace, { workspaceId: caller.workspaceId, id: params.id });
      if (apiKeyId === null) return errorResponse("NOT_FOUND", "API key not found.");
      if (caller.credential.scheme === "adminApiKey" && apiKeyId === caller.credential.apiKeyId) return errorResponse("CONFLICT", "This key is making the request: revoke it with another key.");
      await ctx.runMutation(internal.apiKeys.revoke, { apiKeyId });
      return jsonResponse({ data: { id: apiKeyId, revoked: true } });
    },
  }),
];
