import { makeFunctionReference } from "convex/server";
import { v } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import { internalMutation, internalQuery, type MutationCtx } from "../_generated/server";
import { findInWorkspace, type ContentTable } from "./engagement";
import { invalidArgument } from "../lib/errors";
import { contentStatusValidator } from "../lib/engagementValidators";

/**
 * The admin (REST) side of a content table, made once per table: list, get,
 * create, update, remove. Internal; rest/contentCrud.ts validates bodies with
 * zod before they get here, and the schema's validators check them again on
 * write. `null` in an update clears an optional field.
 */

export type ApiContent = { id: string; createdAt: number; updatedAt: number } & Record<string, unknown>;

/** A content document as the REST API shows it: `id` for `_id`, no internal columns. */
export function apiContent(doc: Doc<ContentTable>): ApiContent {
  const { _id, _creationTime, workspaceId, windowPassedAt, ...fields } = doc;
  return { ...fields, id: _id };
}

/*
 * Date windows take effect when the time passes. Visitor queries judge `startsAt`/`endsAt`
 * with the time of their run, and Convex re-runs a live query only when something it read
 * is written, never because time passed. So every boundary still ahead is a scheduled
 * write to the item (`windowBoundary`): each query that read it runs again, on the other
 * side of the boundary, and the widget shows or hides the item without a reload. A
 * boundary moved by an update leaves its old job behind; that one writes harmlessly.
 */
const boundaryOf = (table: ContentTable) => makeFunctionReference<"mutation", { id: string }>(`${table}:windowBoundary`);

async function scheduleWindowBoundaries(ctx: MutationCtx, table: ContentTable, doc: Doc<ContentTable>): Promise<void> {
  const now = Date.now();
  for (const at of new Set([doc.startsAt, doc.endsAt])) {
    if (at !== undefined && at > now) await ctx.scheduler.runAt(at, boundaryOf(table), { id: doc._id });
  }
}

function checkSchedule(doc: { startsAt?: number | undefined; endsAt?: number | undefined }): void {
  if (doc.startsAt !== undefined && doc.endsAt !== undefined && doc.endsAt <= doc.startsAt) {
    throw invalidArgument("endsAt", "endsAt must be after startsAt.");
  }
}

/** Drops undefined and null (the REST layer's "clear this field") for insert. */
function definedFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null));
}

/** Inserts an item of `table` from validated fields (null and undefined left out) and plans its window boundaries. */
export async function createContent(
  ctx: MutationCtx,
  table: ContentTable,
  workspaceId: Id<"workspaces">,
  fields: Record<string, unknown>,
  updatedBy: string | undefined,
): Promise<Doc<ContentTable>> {
  const now = Date.now();
  const defined = definedFields(fields);
  checkSchedule(defined);
  const document = { ...defined, workspaceId, createdAt: now, updatedAt: now, ...(updatedBy !== undefined ? { updatedBy } : {}) };
  const id = await ctx.db.insert(table, document as never);
  const created = await ctx.db.get(id);
  if (created === null) throw new Error("Content vanished right after insert");
  await scheduleWindowBoundaries(ctx, table, created);
  return created;
}

/** Applies validated changes (null clears an optional field), checks the schedule, plans moved boundaries. */
export async function updateContent(
  ctx: MutationCtx,
  table: ContentTable,
  doc: Doc<ContentTable>,
  fields: Record<string, unknown>,
  updatedBy: string | undefined,
): Promise<Doc<ContentTable> | null> {
  const changes = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value ?? undefined]));
  checkSchedule({ ...doc, ...changes });
  await ctx.db.patch(doc._id, { ...changes, updatedAt: Date.now(), ...(updatedBy !== undefined ? { updatedBy } : {}) } as never);
  const updated = await ctx.db.get(doc._id);
  if (updated === null) return null;
  if (changes["startsAt"] !== undefined || changes["endsAt"] !== undefined) await scheduleWindowBoundaries(ctx, table, updated);
  return updated;
}

export function contentAdminFunctions(table: ContentTable) {
  const workspaceArgs = { workspaceId: v.id("workspaces") };
  return {
    /** Newest first within a status; without a status filter, grouped by status. */
    adminList: internalQuery({
      args: { ...workspaceArgs, status: v.optional(contentStatusValidator), limit: v.number() },
      handler: async (ctx, args): Promise<ApiContent[]> => {
        const { status } = args;
        const limit = Math.max(1, Math.min(100, Math.floor(args.limit)));
        const rows = await ctx.db
          .query(table as "tours")
          .withIndex("by_workspace_status", (q) =>
            status === undefined
              ? q.eq("workspaceId", args.workspaceId)
              : q.eq("workspaceId", args.workspaceId).eq("status", status),
          )
          .order("desc")
          .take(limit);
        return rows.map(apiContent);
      },
    }),

    adminGet: internalQuery({
      args: { ...workspaceArgs, id: v.string() },
      handler: async (ctx, args): Promise<ApiContent | null> => {
        const doc = await findInWorkspace(ctx.db, table, args.workspaceId, args.id);
        return doc === null ? null : apiContent(doc);
      },
    }),

    adminCreate: internalMutation({
      args: { ...workspaceArgs, fields: v.any(), updatedBy: v.optional(v.string()) },
      handler: async (ctx, args): Promise<ApiContent> =>
        apiContent(await createContent(ctx, table, args.workspaceId, args.fields as Record<string, unknown>, args.updatedBy)),
    }),

    adminUpdate: internalMutation({
      args: { ...workspaceArgs, id: v.string(), fields: v.any(), updatedBy: v.optional(v.string()) },
      handler: async (ctx, args): Promise<ApiContent | null> => {
        const doc = await findInWorkspace(ctx.db, table, args.workspaceId, args.id);
        if (doc === null) return null;
        const updated = await updateContent(ctx, table, doc, args.fields as Record<string, unknown>, args.updatedBy);
        return updated === null ? null : apiContent(updated);
      },
    }),

    /** A date-window boundary of the item passed: the write makes its live queries run again. */
    windowBoundary: internalMutation({
      args: { id: v.string() },
      handler: async (ctx, args): Promise<void> => {
        const id = ctx.db.normalizeId(table, args.id);
        if (id === null || (await ctx.db.get(id)) === null) return; // deleted since
        await ctx.db.patch(id, { windowPassedAt: Date.now() } as never);
      },
    }),

    adminRemove: internalMutation({
      args: { ...workspaceArgs, id: v.string() },
      handler: async (ctx, args): Promise<boolean> => {
        const doc = await findInWorkspace(ctx.db, table, args.workspaceId, args.id);
        if (doc === null) return false;
        await ctx.db.delete(doc._id);
        return true;
      },
    }),
  };
}
