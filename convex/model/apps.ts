import type { Id } from "../_generated/dataModel";
import type { DatabaseReader, MutationCtx } from "../_generated/server";
import type { ApiApp, AppFields } from "../lib/appRecords";
import { apiApp, appNameKey, assertValidApp } from "../lib/appRecords";
import { appError } from "../lib/errors";
import { findInWorkspace } from "./engagement";

/*
 * Custom-app registrations, written the same way whether the REST API (admin key)
 * or an admin in the inbox's Settings asks.
 */

const MAX_APPS = 500;

export async function listApps(db: DatabaseReader, workspaceId: Id<"workspaces">): Promise<ApiApp[]> {
  const rows = await db
    .query("apps")
    .withIndex("by_workspace_name", (q) => q.eq("workspaceId", workspaceId))
    .take(MAX_APPS);
  return rows.map(apiApp);
}

async function assertNameFree(ctx: MutationCtx, workspaceId: Id<"workspaces">, name: string, except?: Id<"apps">) {
  const taken = await ctx.db
    .query("apps")
    .withIndex("by_workspace_name", (q) => q.eq("workspaceId", workspaceId).eq("nameKey", appNameKey(name)))
    .first();
  if (taken !== null && taken._id !== except) throw appError("CONFLICT", `An app named "${taken.name}" already exists.`, "name");
}

export async function createApp(ctx: MutationCtx, workspaceId: Id<"workspaces">, input: AppFields): Promise<ApiApp> {
  const fields = assertValidApp(input);
  await assertNameFree(ctx, workspaceId, fields.name);
  const id = await ctx.db.insert("apps", { ...fields, workspaceId, nameKey: appNameKey(fields.name), updatedAt: Date.now() });
  return apiApp((await ctx.db.get(id))!);
}

/** Null when the app is not the workspace's (or the id is malformed). */
export async function updateApp(
  ctx: MutationCtx,
  workspaceId: Id<"workspaces">,
  id: string,
  patch: Partial<AppFields>,
): Promise<ApiApp | null> {
  const row = await findInWorkspace(ctx.db, "apps", workspaceId, id);
  if (row === null) return null;
  const merged: AppFields = {
    name: patch.name ?? row.name,
    url: patch.url ?? row.url,
    allowedOrigins: patch.allowedOrigins ?? row.allowedOrigins,
    screens: patch.screens ?? row.screens,
    enabled: patch.enabled ?? row.enabled,
    protocol: patch.protocol ?? row.protocol,
  };
  const fields = assertValidApp(merged);
  await assertNameFree(ctx, workspaceId, fields.name, row._id);
  await ctx.db.patch(row._id, { ...fields, nameKey: appNameKey(fields.name), updatedAt: Date.now() });
  return apiApp((await ctx.db.get(row._id))!);
}

export async function removeApp(ctx: MutationCtx, workspaceId: Id<"workspaces">, id: string): Promise<boolean> {
  const row = await findInWorkspace(ctx.db, "apps", workspaceId, id);
  if (row === null) return false;
  await ctx.db.delete(row._id);
  return true;
}
