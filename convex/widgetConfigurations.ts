import { paginationOptsValidator, type PaginationResult } from "convex/server";
import { boundedPage, mapPage } from "./lib/pages";
import { v } from "convex/values";
import { internalMutation, internalQuery, mutation, query } from "./_generated/server";
import { appError } from "./lib/errors";
import { requireMember } from "./model/members";
import { auditActorValidator } from "./lib/auditEntries";
import type { ConfigurationView } from "./lib/widgetConfigViews";
import { eventListenerValidator, layoutOverrideValidator, themeOverrideValidator } from "./lib/widgetConfigTables";
import { CONFIG_TARGET } from "./lib/widgetConfigAudit";
import { METRIC_SAMPLE, summarizeMetrics, withCallbackOutcome } from "./model/widgetConfigMetrics";
import { ensureDefault, findConfiguration, findDefault, viewOf } from "./model/widgetConfigs";
import { createConfiguration, deleteConfiguration, purgeConfiguration, updateConfiguration } from "./model/widgetConfigWrites";

/*
 * Widget configurations for the REST API (rest/widgetConfigurations.ts):
 * thin internal functions over model/widgetConfigWrites.ts. The widget's own
 * functions (live configuration, metrics, external logging) are in
 * widgetConfigVisitor.ts.
 */

const nullableString = v.optional(v.union(v.string(), v.null()));

const writeContext = {
  workspaceId: v.id("workspaces"),
  actor: auditActorValidator,
  modifiedBy: v.string(),
  startedAt: v.number(),
  sealedCallbackSecret: v.optional(v.string()),
};

/** One page of the workspace's configurations, oldest first. */
export const list = internalMutation({
  args: { workspaceId: v.id("workspaces"), paginationOpts: paginationOptsValidator },
  handler: async (ctx, args): Promise<PaginationResult<ConfigurationView>> => {
    // A workspace made before configurations existed gets its default here, from its messenger settings.
    const workspace = await ctx.db.get("workspaces", args.workspaceId);
    if (workspace !== null) await ensureDefault(ctx.db, workspace);
    const page = await ctx.db
      .query("widgetConfigurations")
      .withIndex("by_workspace", (q) => q.eq("workspaceId", args.workspaceId))
      .paginate(boundedPage(args.paginationOpts));
    return await mapPage(page, async (doc) => (await viewOf(ctx.db, doc)).view);
  },
});

export const get = internalQuery({
  args: { workspaceId: v.id("workspaces"), id: v.string() },
  handler: async (ctx, args): Promise<{ view: ConfigurationView; etag: string } | null> => {
    const doc = await findConfiguration(ctx.db, args.workspaceId, args.id);
    return doc === null ? null : await viewOf(ctx.db, doc);
  },
});

export const create = internalMutation({
  args: {
    ...writeContext,
    input: v.object({
      name: v.optional(v.string()),
      baseConfigurationId: v.optional(v.string()),
      theme: v.optional(themeOverrideValidator),
      layout: v.optional(layoutOverrideValidator),
      eventListeners: v.optional(v.array(eventListenerValidator)),
      isDefault: v.optional(v.literal(true)),
      callbackUrl: v.optional(v.string()),
    }),
  },
  handler: async (ctx, { input, ...context }) => await createConfiguration(ctx, context, input),
});

export const update = internalMutation({
  args: {
    ...writeContext,
    id: v.string(),
    ifMatch: v.union(v.string(), v.null()),
    validateOnly: v.boolean(),
    change: v.object({
      name: v.optional(v.string()),
      baseConfigurationId: nullableString,
      theme: v.optional(
        v.object({
          primaryColor: nullableString,
          secondaryColor: nullableString,
          fontFamily: nullableString,
          borderRadius: nullableString,
          widgetSize: v.optional(v.union(v.literal("small"), v.literal("medium"), v.literal("large"), v.null())),
        }),
      ),
      layout: v.optional(
        v.object({
          position: v.optional(v.union(v.literal("bottom-right"), v.literal("bottom-left"), v.null())),
          zIndex: v.optional(v.union(v.number(), v.null())),
          mobileResponsive: v.optional(v.union(v.boolean(), v.null())),
        }),
      ),
      eventListeners: v.optional(v.union(v.array(eventListenerValidator), v.null())),
      isDefault: v.optional(v.literal(true)),
      callbackUrl: nullableString,
    }),
  },
  handler: async (ctx, { id, ifMatch, validateOnly, change, ...context }) =>
    await updateConfiguration(ctx, context, id, ifMatch, change, validateOnly),
});

export const remove = internalMutation({
  args: { ...writeContext, id: v.string(), ifMatch: v.union(v.string(), v.null()) },
  handler: async (ctx, { id, ifMatch, ...context }) => await deleteConfiguration(ctx, context, id, ifMatch),
});

export const purgeCache = internalMutation({
  args: { ...writeContext, id: v.string() },
  handler: async (ctx, { id, ...context }) => await purgeConfiguration(ctx, context, id),
});

/** Latency figures widgets recorded for this configuration's track_latency listeners, per metric. */
export const metrics = internalQuery({
  args: { workspaceId: v.id("workspaces"), id: v.string() },
  handler: async (ctx, args) => {
    const doc = await findConfiguration(ctx.db, args.workspaceId, args.id);
    if (doc === null) return null;
    const rows = await ctx.db
      .query("widgetConfigMetrics")
      .withIndex("by_configuration_metric_at", (q) => q.eq("configurationId", doc._id))
      .order("desc")
      .take(METRIC_SAMPLE);
    return summarizeMetrics(rows);
  },
});

/** The configuration's audit entries (a filtered view of the one log), with each callback's delivery outcome. */
export const auditPage = internalQuery({
  args: { workspaceId: v.id("workspaces"), id: v.string(), paginationOpts: paginationOptsValidator },
  handler: async (ctx, args) => {
    const page = await ctx.db
      .query("auditLog")
      .withIndex("by_workspace_target_at", (q) => q.eq("workspaceId", args.workspaceId).eq("target.type", CONFIG_TARGET).eq("target.id", args.id))
      .order("desc")
      .paginate(args.paginationOpts);
    const entries = await Promise.all(page.page.map((entry) => withCallbackOutcome(ctx.db, entry)));
    return { ...page, page: entries };
  },
});

/** The workspace's default configuration for the inbox's Theme page (admins only). */
export const defaultForInbox = query({
  args: { workspaceId: v.string() },
  handler: async (ctx, args): Promise<{ view: ConfigurationView; etag: string } | null> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    const doc = await findDefault(ctx.db, workspaceId);
    return doc === null ? null : await viewOf(ctx.db, doc);
  },
});

/** The Theme page's save: the same checks, If-Match and audit entry as the REST API, by an admin. */
export const updateDefaultFromInbox = mutation({
  args: {
    workspaceId: v.string(),
    etag: v.string(),
    theme: themeOverrideValidator,
    layout: layoutOverrideValidator,
  },
  handler: async (ctx, args) => {
    const access = await requireMember(ctx, args.workspaceId, "admin");
    const workspace = await ctx.db.get("workspaces", access.workspaceId);
    if (workspace === null) throw appError("NOT_FOUND", "Workspace not found.");
    const doc = await ensureDefault(ctx.db, workspace);
    const actor = { type: "operator" as const, id: access.userId, label: access.member.name };
    return await updateConfiguration(
      ctx,
      { workspaceId: access.workspaceId, actor, modifiedBy: `operator:${access.member.name}`, startedAt: Date.now() },
      doc._id,
      args.etag,
      { theme: args.theme, layout: args.layout },
      false,
    );
  },
});
