import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import type { MutationCtx } from "./_generated/server";
import { action, internalAction, internalMutation, internalQuery, query } from "./_generated/server";
import { findInWorkspace } from "./model/engagement";
import type { ApiApp, AppFields } from "./lib/appRecords";
import { apiApp, appNameKey, assertValidApp } from "./lib/appRecords";
import { requireAppOperator } from "./lib/appOperator";
import { requireMember } from "./model/members";
import { generateSigningKey as newSigningKey, readSigningKeys, SIGNING_KEYS_VARIABLE } from "./lib/appSigningKeys";
import { appProtocolValidator, appScreenValidator } from "./lib/appTables";
import { signAppToken } from "./lib/appTokens";
import { appError } from "./lib/errors";

/*
 * Custom apps: registration (internal functions behind /api/v1/apps), the list
 * the inbox shows per screen, and the tokens the apps receive.
 */

const workspaceArgs = { workspaceId: v.id("workspaces") };
const fieldsValidator = v.object({
  name: v.string(),
  url: v.string(),
  allowedOrigins: v.array(v.string()),
  screens: v.array(appScreenValidator),
  enabled: v.boolean(),
  protocol: appProtocolValidator,
});
const patchValidator = v.object({
  name: v.optional(v.string()),
  url: v.optional(v.string()),
  allowedOrigins: v.optional(v.array(v.string())),
  screens: v.optional(v.array(appScreenValidator)),
  enabled: v.optional(v.boolean()),
  protocol: v.optional(appProtocolValidator),
});

async function assertNameFree(ctx: MutationCtx, workspaceId: Id<"workspaces">, name: string, except?: Id<"apps">) {
  const taken = await ctx.db
    .query("apps")
    .withIndex("by_workspace_name", (q) => q.eq("workspaceId", workspaceId).eq("nameKey", appNameKey(name)))
    .first();
  if (taken !== null && taken._id !== except) throw appError("CONFLICT", `An app named "${taken.name}" already exists.`, "name");
}

export const adminList = internalQuery({
  args: workspaceArgs,
  handler: async (ctx, args): Promise<ApiApp[]> => {
    const rows = await ctx.db
      .query("apps")
      .withIndex("by_workspace_name", (q) => q.eq("workspaceId", args.workspaceId))
      .take(500);
    return rows.map(apiApp);
  },
});

export const adminGet = internalQuery({
  args: { ...workspaceArgs, id: v.string() },
  handler: async (ctx, args): Promise<ApiApp | null> => {
    const row = await findInWorkspace(ctx.db, "apps", args.workspaceId, args.id);
    return row === null ? null : apiApp(row);
  },
});

export const adminCreate = internalMutation({
  args: { ...workspaceArgs, fields: fieldsValidator },
  handler: async (ctx, args): Promise<ApiApp> => {
    const fields = assertValidApp(args.fields);
    await assertNameFree(ctx, args.workspaceId, fields.name);
    const id = await ctx.db.insert("apps", { ...fields, workspaceId: args.workspaceId, nameKey: appNameKey(fields.name), updatedAt: Date.now() });
    return apiApp((await ctx.db.get(id))!);
  },
});

export const adminUpdate = internalMutation({
  args: { ...workspaceArgs, id: v.string(), fields: patchValidator },
  handler: async (ctx, args): Promise<ApiApp | null> => {
    const row = await findInWorkspace(ctx.db, "apps", args.workspaceId, args.id);
    if (row === null) return null;
    const merged: AppFields = {
      name: args.fields.name ?? row.name,
      url: args.fields.url ?? row.url,
      allowedOrigins: args.fields.allowedOrigins ?? row.allowedOrigins,
      screens: args.fields.screens ?? row.screens,
      enabled: args.fields.enabled ?? row.enabled,
      protocol: args.fields.protocol ?? row.protocol,
    };
    const fields = assertValidApp(merged);
    await assertNameFree(ctx, args.workspaceId, fields.name, row._id);
    await ctx.db.patch(row._id, { ...fields, nameKey: appNameKey(fields.name), updatedAt: Date.now() });
    return apiApp((await ctx.db.get(row._id))!);
  },
});

export const adminRemove = internalMutation({
  args: { ...workspaceArgs, id: v.string() },
  handler: async (ctx, args): Promise<boolean> => {
    const row = await findInWorkspace(ctx.db, "apps", args.workspaceId, args.id);
    if (row === null) return false;
    await ctx.db.delete(row._id);
    return true;
  },
});

/** The enabled apps of one inbox screen, for a signed-in operator of the workspace. */
export const listForScreen = query({
  args: { ...workspaceArgs, screen: appScreenValidator },
  handler: async (ctx, args): Promise<ApiApp[]> => {
    await requireMember(ctx, args.workspaceId);
    const rows = await ctx.db
      .query("apps")
      .withIndex("by_workspace_name", (q) => q.eq("workspaceId", args.workspaceId))
      .take(500);
    return rows.filter((row) => row.enabled && row.screens.includes(args.screen)).map(apiApp);
  },
});

/** Run from the token action with the caller's identity: an app's token is for its workspace's members only. */
export const assertMember = internalQuery({
  args: workspaceArgs,
  handler: async (ctx, args): Promise<null> => {
    await requireMember(ctx, args.workspaceId);
    return null;
  },
});

export const tokenTarget = internalQuery({
  args: { id: v.string() },
  handler: async (ctx, args) => {
    const id = ctx.db.normalizeId("apps", args.id);
    const row = id === null ? null : await ctx.db.get(id);
    if (row === null) return null;
    return { id: row._id, name: row.name, protocol: row.protocol, enabled: row.enabled, workspaceId: row.workspaceId };
  },
});

/**
 * A token for one app, for the signed-in operator: at first load (in the iframe's
 * URL) and on the app's refreshToken action. An action, because signing needs a
 * random `jti` and Convex gives true randomness to actions only.
 */
export const issueToken = action({
  args: { appId: v.string() },
  handler: async (ctx, args): Promise<{ token: string; expiresAt: number }> => {
    const app = await ctx.runQuery(internal.apps.tokenTarget, { id: args.appId });
    if (app === null) throw appError("NOT_FOUND", "No such app.", "appId");
    const operator = await requireAppOperator(ctx, app.workspaceId);
    await ctx.runQuery(internal.apps.assertMember, { workspaceId: app.workspaceId });
    if (!app.enabled) throw appError("NOT_FOUND", `The app "${app.name}" is disabled.`, "appId");
    const siteUrl = process.env.CONVEX_SITE_URL;
    if (siteUrl === undefined || siteUrl === "") throw new Error("CONVEX_SITE_URL is not set; it names the token issuer.");
    const [signingKey] = await readSigningKeys(process.env[SIGNING_KEYS_VARIABLE]);
    return await signAppToken(signingKey!, { app, workspaceId: app.workspaceId, operator, siteUrl }, Date.now());
  },
});

/**
 * A new signing key as a private JWK, for OPENCOM_APPS_SIGNING_KEYS:
 * `npx convex run apps:generateSigningKey`. Internal: only the deployment's admin runs it.
 */
export const generateSigningKey = internalAction({
  args: {},
  handler: async (): Promise<{ kid: string; jwk: string }> => {
    const jwk = await newSigningKey();
    return { kid: jwk.kid!, jwk: JSON.stringify(jwk) };
  },
});
