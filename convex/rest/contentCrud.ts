import type { FunctionReference } from "convex/server";
import type { z } from "zod";
import type { Id } from "../_generated/dataModel";
import type { ApiContent } from "../model/contentAdmin";
import type { ContentStatus } from "../lib/engagementValidators";
import type { RestHandler } from "./conversations";
import type { ContentSchemas } from "./engagementSchemas";
import { listQuery } from "./engagementSchemas";
import { readJsonBody, zodFieldErrors } from "./parsing";
import { errorResponse, jsonResponse } from "./responses";

/**
 * Generic REST CRUD over one engagement content table:
 *   GET    /api/v1/<resource>?status=&limit=   list
 *   POST   /api/v1/<resource>                  create (201)
 *   GET    /api/v1/<resource>/{id}             read
 *   PATCH  /api/v1/<resource>/{id}             update any subset of fields
 *   DELETE /api/v1/<resource>/{id}             delete
 * The database work is in the table's internal functions (model/contentAdmin.ts).
 */

export type Route = { pattern: string[]; methods: Partial<Record<string, RestHandler>> };

type WorkspaceArgs = { workspaceId: Id<"workspaces"> };

export type ContentAdminRefs = {
  adminList: FunctionReference<"query", "internal", WorkspaceArgs & { status?: ContentStatus; limit: number }, ApiContent[]>;
  adminGet: FunctionReference<"query", "internal", WorkspaceArgs & { id: string }, ApiContent | null>;
  adminCreate: FunctionReference<"mutation", "internal", WorkspaceArgs & { fields: any }, ApiContent>;
  adminUpdate: FunctionReference<"mutation", "internal", WorkspaceArgs & { id: string; fields: any }, ApiContent | null>;
  adminRemove: FunctionReference<"mutation", "internal", WorkspaceArgs & { id: string }, boolean>;
};

function invalid(message: string, fields: Record<string, string>): Response {
  return errorResponse("INVALID_ARGUMENT", message, { fields });
}

/** Validates a JSON body against `schema`; a 400 naming each bad field otherwise. */
export async function parseBody<T>(
  request: Request,
  schema: z.ZodType<T>,
): Promise<{ ok: true; data: T } | { ok: false; response: Response }> {
  const json = await readJsonBody(request);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, response: invalid("Invalid request body.", zodFieldErrors(parsed.error)) };
}

export function contentRoutes(resource: string, label: string, refs: ContentAdminRefs, schemas: ContentSchemas): Route[] {
  const notFound = () => errorResponse("NOT_FOUND", `${label} not found.`);

  const list: RestHandler = async (ctx, request, caller) => {
    const params = new URL(request.url).searchParams;
    const parsed = listQuery.safeParse({ status: params.get("status") ?? undefined, limit: params.get("limit") ?? undefined });
    if (!parsed.success) return invalid("Invalid query parameters.", zodFieldErrors(parsed.error));
    const rows = await ctx.runQuery(refs.adminList, {
      workspaceId: caller.workspaceId,
      limit: parsed.data.limit,
      ...(parsed.data.status !== undefined ? { status: parsed.data.status } : {}),
    });
    return jsonResponse({ data: rows });
  };

  const create: RestHandler = async (ctx, request, caller) => {
    const body = await parseBody(request, schemas.create);
    if (!body.ok) return body.response;
    const created = await ctx.runMutation(refs.adminCreate, { workspaceId: caller.workspaceId, fields: body.data });
    return jsonResponse({ data: created }, 201);
  };

  const read: RestHandler = async (ctx, _request, caller, params) => {
    const row = await ctx.runQuery(refs.adminGet, { workspaceId: caller.workspaceId, id: params["id"] ?? "" });
    return row === null ? notFound() : jsonResponse({ data: row });
  };

  const update: RestHandler = async (ctx, request, caller, params) => {
    const body = await parseBody(request, schemas.patch);
    if (!body.ok) return body.response;
    const updated = await ctx.runMutation(refs.adminUpdate, {
      workspaceId: caller.workspaceId,
      id: params["id"] ?? "",
      fields: body.data,
    });
    return updated === null ? notFound() : jsonResponse({ data: updated });
  };

  const remove: RestHandler = async (ctx, _request, caller, params) => {
    const id = params["id"] ?? "";
    const removed = await ctx.runMutation(refs.adminRemove, { workspaceId: caller.workspaceId, id });
    return removed ? jsonResponse({ data: { id, deleted: true } }) : notFound();
  };

  return [
    { pattern: [resource], methods: { GET: list, POST: create } },
    { pattern: [resource, ":id"], methods: { GET: read, PATCH: update, DELETE: remove } },
  ];
}
