import { v } from "convex/values";
import { boundedPage, mapPage } from "./lib/pages";
import { paginationOptsValidator, type PaginationResult } from "convex/server";
import { internal } from "./_generated/api";
import type { MutationCtx } from "./_generated/server";
import { action, internalAction, internalMutation, internalQuery, mutation, query } from "./_generated/server";
import { appendAudit } from "./audit";
import type { ApiApp } from "./lib/appRecords";
import { apiApp } from "./lib/appRecords";
import { requireAppOperator } from "./lib/appOperator";
import { createApp, listApps, removeApp, updateApp } from "./model/apps";
import { findInWorkspace } from "./model/engagement";
import { requireMember, type MemberAccess } from "./model/members";
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

/** Who framed what in the operators' inbox is security-relevant: an app receives their identity. */
async function auditAppChange(
  ctx: MutationCtx,
  access: MemberAccess,
  action: "apps.created" | "apps.updated" | "apps.deleted",
  appId: string,
  fields?: string[],
): Promise<void> {
  await appendAudit(ctx.db, {
    workspaceId: access.workspaceId,
    action,
    actor: { type: "operator", id: access.userId, label: access.member.name },
    target: { type: "app", id: appId },
    ...(fields === undefined ? {} : { details: { fields } }),
  });
}

/** One page of the workspace's apps, by name. */
export const adminList = internalQuery({
  args: { ...workspaceArgs, paginationOpts: paginationOptsValidator },
  handler: async (ctx, args): Promise<PaginationResult<ApiApp>> => {
    const page = await ctx.db
      .query("apps")
      .withIndex("by_workspace_name", (q) => q.eq("workspaceId", args.workspaceId))
      .paginate(boundedPage(args.paginationOpts));
    return await mapPage(page, apiApp);
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
  handler: async (ctx, args): Promise<ApiApp> => await createApp(ctx, args.workspaceId, args.fields),
});

export const adminUpdate = internalMutation({
  args: { ...workspaceArgs, id: v.string(), fields: patchValidator },
  handler: async (ctx, args): Promise<ApiApp | null> => await updateApp(ctx, args.workspaceId, args.id, args.fields),
});

export const adminRemove = internalMutation({
  args: { ...workspaceArgs, id: v.string() },
  handler: async (ctx, args): Promise<boolean> => await removeApp(ctx, args.workspaceId, args.id),
});

/** Every app of the workspace, for the admins' Settings page. */
export const list = query({
  args: workspaceArgs,
  handler: async (ctx, args): Promise<ApiApp[]> => {
    await requireMember(ctx, args.workspaceId, "admin");
    return await listApps(ctx.db, args.workspaceId);
  },
});

export const create = mutation({
  args: { ...workspaceArgs, fields: fieldsValidator },
  handler: async (ctx, args): Promise<ApiApp> => {
    const access = await requireMember(ctx, args.workspaceId, "admin");
    const app = await createApp(ctx, access.workspaceId, args.fields);
    await auditAppChange(ctx, access, "apps.created", app.id);
    return app;
  },
});

export const update = mutation({
  args: { ...workspaceArgs, id: v.string(), fields: patchValidator },
  handler: async (ctx, args): Promise<ApiApp> => {
    const access = await requireMember(ctx, args.workspaceId, "admin");
    const app = await updateApp(ctx, access.workspaceId, args.id, args.fields);
    if (app === null) throw appError("NOT_FOUND", "No such app.", "id");
    await auditAppChange(ctx, access, "apps.updated", app.id, Object.keys(args.fields));
    return app;
  },
});

export const remove = mutation({
  args: { ...workspaceArgs, id: v.string() },
  handler: async (ctx, args): Promise<null> => {
    const access = await requireMember(ctx, args.workspaceId, "admin");
    if (!(await removeApp(ctx, access.workspaceId, args.id))) throw appError("NOT_FOUND", "No such app.", "id");
    await auditAppChange(ctx, access, "apps.deleted", args.id);
    return null;
  },
});

/** The enabled apps of one inbox screen, for a signed-in operator of the workspace. */
export const listForScreen = query({
  args: { ...workspaceArgs, screen: appScreenValidator },
  handler: async (ctx, args): Promise<ApiApp[]> => {
    await requireMember(ctx, args.workspaceId);
    const apps = await listApps(ctx.db, args.workspaceId);
    return apps.filter((app) => app.enabled && app.screens.includes(args.screen));
  },
});

/**
 * Run from the token action with the caller's identity: an app's token is for its workspace's
 * members only. Answers the member's email from the account, since a sign-in token need not carry it.
 */
export const assertMember = internalQuery({
  args: workspaceArgs,
  handler: async (ctx, args): Promise<{ email: string | undefined }> => {
    const { userId } = await requireMember(ctx, args.workspaceId);
    const user = await ctx.db.get("users", userId);
    return { email: user?.email ?? undefined };
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
    const signedIn = await requireAppOperator(ctx, app.workspaceId);
    const member = await ctx.runQuery(internal.apps.assertMember, { workspaceId: app.workspaceId });
    const operator = { subject: signedIn.subject, email: signedIn.email ?? member.email };
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
