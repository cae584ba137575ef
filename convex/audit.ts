import { paginationOptsValidator, type PaginationResult } from "convex/server";
import { v, type ObjectType } from "convex/values";
import type { DatabaseWriter } from "./_generated/server";
import { internalMutation, internalQuery } from "./_generated/server";
import { auditEntryFields, auditEntryView, type AuditEntryView } from "./lib/auditEntries";

/*
 * The audit log: security-relevant operator actions, append-only. There is no
 * function that edits or deletes an entry. Read through GET /api/v1/audit.
 */

const entryArgs = { ...auditEntryFields, at: v.optional(v.number()) };
export type AuditEntryInput = ObjectType<typeof entryArgs>;

/** Appends one entry; `at` defaults to now. Called from the mutation that makes the change, so both commit together. */
export async function appendAudit(
  db: DatabaseWriter,
  entry: Omit<AuditEntryInput, "at"> & { at?: number | undefined },
): Promise<void> {
  const { at, ...rest } = entry;
  await db.insert("auditLog", { ...rest, at: at ?? Date.now() });
}

/** For actions and HTTP actions, which have no database of their own. */
export const record = internalMutation({
  args: entryArgs,
  handler: async (ctx, args): Promise<null> => {
    await appendAudit(ctx.db, args);
    return null;
  },
});

export const auditFilterArgs = {
  action: v.optional(v.string()),
  actorType: v.optional(v.string()),
  actorId: v.optional(v.string()),
  targetType: v.optional(v.string()),
  targetId: v.optional(v.string()),
  since: v.optional(v.number()),
  until: v.optional(v.number()),
};

/** A workspace's entries, newest first, filtered, a page at a time (Convex's cursor). */
export const list = internalQuery({
  args: { workspaceId: v.id("workspaces"), ...auditFilterArgs, paginationOpts: paginationOptsValidator },
  handler: async (ctx, args): Promise<PaginationResult<AuditEntryView>> => {
    const page = await ctx.db
      .query("auditLog")
      .withIndex("by_workspace_at", (q) => {
        const workspace = q.eq("workspaceId", args.workspaceId);
        const from = args.since === undefined ? workspace : workspace.gte("at", args.since);
        return args.until === undefined ? from : from.lt("at", args.until);
      })
      .order("desc")
      .filter((q) =>
        q.and(
          args.action === undefined ? true : q.eq(q.field("action"), args.action),
          args.actorType === undefined ? true : q.eq(q.field("actor.type"), args.actorType),
          args.actorId === undefined ? true : q.eq(q.field("actor.id"), args.actorId),
          args.targetType === undefined ? true : q.eq(q.field("target.type"), args.targetType),
          args.targetId === undefined ? true : q.eq(q.field("target.id"), args.targetId),
        ),
      )
      .paginate(args.paginationOpts);
    return { ...page, page: page.page.map(auditEntryView) };
  },
});
