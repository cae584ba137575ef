import { v } from "convex/values";
import { boundedPage, mapPage } from "./lib/pages";
import { paginationOptsValidator, type PaginationResult } from "convex/server";
import { internal } from "./_generated/api";
import { internalAction, internalMutation, internalQuery } from "./_generated/server";
import { privateTargetsAllowed } from "./lib/addresses";
import { appError } from "./lib/errors";
import { checkAppSecret, checkCallbackUrl, checkGatewayName, checkTemplates, GATEWAY_LIMITS } from "./lib/gatewayRules";
import { checkRouting, findGateway, gatewayView, resignWaitingDeliveries, mintAppSecret, mintUriToken, sealAppSecret, type GatewayView } from "./model/gateways";

/*
 * Chat gateway profiles (REST: rest/gateways.ts; the inbox: gatewaysInbox.ts).
 * The URI token and a generated secret are drawn in actions (true
 * randomness) and the secret sealed there; mutations check and store.
 */

const routingArg = v.object({ type: v.literal("team"), teamId: v.optional(v.union(v.string(), v.null())) });
const templatesArg = v.object({
  memberName: v.optional(v.string()),
  chatComplete: v.optional(v.string()),
  agentJoined: v.optional(v.string()),
  agentLeft: v.optional(v.string()),
});
const changeArgs = {
  name: v.optional(v.string()),
  callbackUrl: v.optional(v.string()),
  routing: v.optional(routingArg),
  templates: v.optional(templatesArg),
};

export const create = internalAction({
  args: { workspaceId: v.id("workspaces"), ...changeArgs, name: v.string(), callbackUrl: v.string(), appSecret: v.optional(v.string()) },
  handler: async (ctx, { appSecret, ...args }): Promise<GatewayView> => {
    const secret = appSecret === undefined ? mintAppSecret() : checkAppSecret(appSecret);
    return await ctx.runMutation(internal.gateways.insert, { ...args, uriToken: mintUriToken(), sealedSecret: await sealAppSecret(secret) });
  },
});

export const insert = internalMutation({
  args: { workspaceId: v.id("workspaces"), ...changeArgs, name: v.string(), callbackUrl: v.string(), uriToken: v.string(), sealedSecret: v.string() },
  handler: async (ctx, args): Promise<GatewayView> => {
    const existing = await ctx.db
      .query("gateways")
      .withIndex("by_workspace", (q) => q.eq("workspaceId", args.workspaceId))
      .take(GATEWAY_LIMITS.gatewaysPerWorkspace);
    if (existing.length >= GATEWAY_LIMITS.gatewaysPerWorkspace) {
      throw appError("CONFLICT", `A workspace has at most ${GATEWAY_LIMITS.gatewaysPerWorkspace} gateways.`);
    }
    const now = Date.now();
    const id = await ctx.db.insert("gateways", {
      workspaceId: args.workspaceId,
      name: checkGatewayName(args.name),
      uriToken: args.uriToken,
      callbackUrl: checkCallbackUrl(args.callbackUrl, privateTargetsAllowed()),
      sealedSecret: args.sealedSecret,
      routing: await checkRouting(ctx.db, args.workspaceId, args.routing ?? { type: "team" }),
      templates: checkTemplates(args.templates ?? {}),
      createdAt: now,
      updatedAt: now,
    });
    const inserted = await ctx.db.get("gateways", id);
    if (inserted === null) throw new Error("Gateway vanished right after insert");
    return await gatewayView(inserted);
  },
});

export const list = internalQuery({
  args: { workspaceId: v.id("workspaces"), paginationOpts: paginationOptsValidator },
  handler: async (ctx, args): Promise<PaginationResult<GatewayView>> => {
    const page = await ctx.db
      .query("gateways")
      .withIndex("by_workspace", (q) => q.eq("workspaceId", args.workspaceId))
      .paginate(boundedPage(args.paginationOpts));
    return await mapPage(page, gatewayView);
  },
});

export const get = internalQuery({
  args: { workspaceId: v.id("workspaces"), id: v.string() },
  handler: async (ctx, args): Promise<GatewayView | null> => {
    const gateway = await findGateway(ctx.db, args.workspaceId, args.id);
    return gateway === null ? null : await gatewayView(gateway);
  },
});

/** Changes settings; a typed `appSecret` is checked and sealed here. Null when there is no such gateway. */
export const update = internalAction({
  args: { workspaceId: v.id("workspaces"), id: v.string(), ...changeArgs, appSecret: v.optional(v.string()) },
  handler: async (ctx, { appSecret, ...args }): Promise<GatewayView | null> => {
    const sealedSecret = appSecret === undefined ? undefined : await sealAppSecret(checkAppSecret(appSecret));
    return await ctx.runMutation(internal.gateways.patch, { ...args, ...(sealedSecret !== undefined ? { sealedSecret } : {}) });
  },
});

/** A new generated secret: the old one stops verifying at once (the service must be given the new one). */
export const regenerateSecret = internalAction({
  args: { workspaceId: v.id("workspaces"), id: v.string() },
  handler: async (ctx, args): Promise<GatewayView | null> =>
    await ctx.runMutation(internal.gateways.patch, { ...args, sealedSecret: await sealAppSecret(mintAppSecret()) }),
});

/** A new URI: the old one answers 404 from now on. */
export const regenerateUri = internalAction({
  args: { workspaceId: v.id("workspaces"), id: v.string() },
  handler: async (ctx, args): Promise<GatewayView | null> =>
    await ctx.runMutation(internal.gateways.patch, { ...args, uriToken: mintUriToken() }),
});

export const patch = internalMutation({
  args: { workspaceId: v.id("workspaces"), id: v.string(), ...changeArgs, sealedSecret: v.optional(v.string()), uriToken: v.optional(v.string()) },
  handler: async (ctx, args): Promise<GatewayView | null> => {
    const gateway = await findGateway(ctx.db, args.workspaceId, args.id);
    if (gateway === null) return null;
    await ctx.db.patch("gateways", gateway._id, {
      ...(args.name !== undefined ? { name: checkGatewayName(args.name) } : {}),
      ...(args.callbackUrl !== undefined ? { callbackUrl: checkCallbackUrl(args.callbackUrl, privateTargetsAllowed()) } : {}),
      ...(args.routing !== undefined ? { routing: await checkRouting(ctx.db, args.workspaceId, args.routing) } : {}),
      ...(args.templates !== undefined ? { templates: checkTemplates(args.templates, gateway.templates) } : {}),
      ...(args.sealedSecret !== undefined ? { sealedSecret: args.sealedSecret } : {}),
      ...(args.uriToken !== undefined ? { uriToken: args.uriToken } : {}),
      updatedAt: Date.now(),
    });
    if (args.sealedSecret !== undefined) await resignWaitingDeliveries(ctx.db, gateway, args.sealedSecret);
    const updated = await ctx.db.get("gateways", gateway._id);
    return updated === null ? null : await gatewayView(updated);
  },
});

/** Deletes the profile; its chats stay in the inbox as conversations. False when there was none. */
export const remove = internalMutation({
  args: { workspaceId: v.id("workspaces"), id: v.string() },
  handler: async (ctx, args): Promise<boolean> => {
    const gateway = await findGateway(ctx.db, args.workspaceId, args.id);
    if (gateway === null) return false;
    await ctx.db.delete("gateways", gateway._id);
    return true;
  },
});

/** Whether the delivery belongs to this gateway of the workspace (for the log and retries). */
export const ownsDelivery = internalQuery({
  args: { workspaceId: v.id("workspaces"), id: v.string(), deliveryId: v.string() },
  handler: async (ctx, args): Promise<boolean> => {
    const gateway = await findGateway(ctx.db, args.workspaceId, args.id);
    const deliveryId = ctx.db.normalizeId("deliveries", args.deliveryId);
    const delivery = deliveryId === null ? null : await ctx.db.get("deliveries", deliveryId);
    return gateway !== null && delivery !== null && delivery.sourceId === gateway._id;
  },
});
