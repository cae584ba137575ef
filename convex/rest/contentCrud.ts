import type { FunctionReference } from "convex/server";
import { z } from "zod";
import type { Id } from "../_generated/dataModel";
import type { ApiContent } from "../model/contentAdmin";
import type { ContentStatus } from "../lib/engagementValidators";
import type { ContentSchemas } from "../lib/engagementSchemas";
import { listQuery } from "../lib/engagementSchemas";
import { errorResponse, jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { dataOf, deleted } from "./views";

/**
 * Generic REST CRUD over one engagement content table:
 *   GET    /api/v1/<resource>?status=&limit=   list
 *   POST   /api/v1/<resource>                  create (201)
 *   GET    /api/v1/<resource>/{id}             read
 *   PATCH  /api/v1/<resource>/{id}             update any subset of fields
 *   DELETE /api/v1/<resource>/{id}             delete
 * The database work is in the table's internal functions (model/contentAdmin.ts).
 */

type WorkspaceArgs = { workspaceId: Id<"workspaces"> };

export type ContentAdminRefs = {
  adminList: FunctionReference<"query", "internal", WorkspaceArgs & { status?: ContentStatus; limit: number }, ApiContent[]>;
  adminGet: FunctionReference<"query", "internal", WorkspaceArgs & { id: string }, ApiContent | null>;
  adminCreate: FunctionReference<"mutation", "internal", WorkspaceArgs & { fields: any; updatedBy?: string }, ApiContent>;
  adminUpdate: FunctionReference<"mutation", "internal", WorkspaceArgs & { id: string; fields: any; updatedBy?: string }, ApiContent | null>;
  adminRemove: FunctionReference<"mutation", "internal", WorkspaceArgs & { id: string }, boolean>;
};

/** How one content type is named: path segment, label in messages, singular and plural for operation ids. */
export type ContentNames = { resource: string; label: string; singular: string; plural: string };

export function contentRoutes(names: ContentNames, refs: ContentAdminRefs, schemas: ContentSchemas): Route[] {
  const { resource, label, singular, plural } = names;
  const notFound = () => errorResponse("NOT_FOUND", `${label} not found.`);
  const params = z.object({ id: z.string().describe(`The ${label.toLowerCase()}'s id.`) });
  const tags = [`${label}s`];
  return [
    defineRoute({
      method: "GET",
      path: `/${resource}`,
      operationId: `list${plural}`,
      summary: `List ${label.toLowerCase()}s, newest first within a status`,
      tags,
      query: listQuery,
      responses: { 200: { description: `${label}s`, schema: dataOf(z.array(schemas.view)) } },
      handler: async ({ ctx, caller, query }) => {
        const rows = await ctx.runQuery(refs.adminList, {
          workspaceId: caller.workspaceId,
          limit: query.limit,
          ...(query.status !== undefined ? { status: query.status } : {}),
        });
        return jsonResponse({ data: rows });
      },
    }),
    defineRoute({
      method: "POST",
      path: `/${resource}`,
      operationId: `create${singular}`,
      summary: `Create a ${label.toLowerCase()} (status draft unless given)`,
      tags,
      body: schemas.create,
      responses: { 201: { description: `The new ${label.toLowerCase()}`, schema: dataOf(schemas.view) } },
      handler: async ({ ctx, caller, body }) => {
        const created = await ctx.runMutation(refs.adminCreate, { workspaceId: caller.workspaceId, fields: body, updatedBy: caller.credential.label });
        return jsonResponse({ data: created }, 201);
      },
    }),
    defineRoute({
      method: "GET",
      path: `/${resource}/{id}`,
      operationId: `get${singular}`,
      summary: `Read a ${label.toLowerCase()}`,
      tags,
      params,
      responses: { 200: { description: label, schema: dataOf(schemas.view) } },
      handler: async ({ ctx, caller, params: { id } }) => {
        const row = await ctx.runQuery(refs.adminGet, { workspaceId: caller.workspaceId, id });
        return row === null ? notFound() : jsonResponse({ data: row });
      },
    }),
    defineRoute({
      method: "PATCH",
      path: `/${resource}/{id}`,
      operationId: `update${singular}`,
      summary: `Change any subset of a ${label.toLowerCase()}'s fields; null clears an optional one`,
      tags,
      params,
      body: schemas.patch,
      responses: { 200: { description: `The ${label.toLowerCase()} after the change`, schema: dataOf(schemas.view) } },
      handler: async ({ ctx, caller, params: { id }, body }) => {
        const updated = await ctx.runMutation(refs.adminUpdate, { workspaceId: caller.workspaceId, id, fields: body, updatedBy: caller.credential.label });
        return updated === null ? notFound() : jsonResponse({ data: updated });
      },
    }),
    defineRoute({
      method: "DELETE",
      path: `/${resource}/{id}`,
      operationId: `delete${singular}`,
      summary: `Delete a ${label.toLowerCase()}`,
      tags,
      params,
      responses: { 200: { description: "Deleted", schema: dataOf(deleted) } },
      handler: async ({ ctx, caller, params: { id } }) => {
        const removed = await ctx.runMutation(refs.adminRemove, { workspaceId: caller.workspaceId, id });
        return removed ? jsonResponse({ data: { id, deleted: true } }) : notFound();
      },
    }),
  ];
}
