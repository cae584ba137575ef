import { v } from "convex/values";
import { internal } from "./_generated/api";
import { action, mutation, query } from "./_generated/server";
import { appError } from "./lib/errors";
import { checkAppSecret } from "./lib/gatewayRules";
import { broadcastArgs, listBroadcasts, sendBroadcast, type BroadcastView } from "./gatewayBroadcasts";
import { gatewayChatOf } from "./model/gatewayRelay";
import { requireWorkspaceConversation } from "./model/inbox";
import { requireMember } from "./model/members";
import { findGateway, gatewaysOf, mintUriToken, sealAppSecret, type GatewayView } from "./model/gateways";
import { retryDead } from "./outgoing/queue";
import { deliveryView, type DeliveryView } from "./outgoing/views";

/*
 * The inbox's Settings → Gateways: admins only, checked here on every call.
 * Saving seals a typed or generated secret, which needs an action (a random
 * IV); the browser draws a generated secret with its own crypto.
 */

const workspaceArgs = { workspaceId: v.string() };
const gatewayArgs = { workspaceId: v.string(), gatewayId: v.string() };

export const list = query({
  args: workspaceArgs,
  handler: async (ctx, args): Promise<GatewayView[]> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    return await gatewaysOf(ctx.db, workspaceId);
  },
});

export const save = action({
  args: {
    workspaceId: v.string(),
    gatewayId: v.optional(v.string()),
    name: v.string(),
    callbackUrl: v.string(),
    appSecret: v.string(),
    routing: v.object({ type: v.literal("team"), teamId: v.union(v.string(), v.null()) }),
    templates: v.object({ memberName: v.string(), chatComplete: v.string(), agentJoined: v.string(), agentLeft: v.string() }),
  },
  handler: async (ctx, { gatewayId, appSecret, ...args }): Promise<GatewayView> => {
    const { workspaceId, actor } = await ctx.runQuery(internal.members.requireAdmin, { workspaceId: args.workspaceId });
    const sealedSecret = await sealAppSecret(checkAppSecret(appSecret));
    const fields = { ...args, workspaceId, sealedSecret };
    const saved =
      gatewayId === undefined
        ? await ctx.runMutation(internal.gateways.insert, { ...fields, uriToken: mintUriToken() })
        : await ctx.runMutation(internal.gateways.patch, { ...fields, id: gatewayId });
    if (saved === null) throw appError("NOT_FOUND", "Gateway not found.");
    await ctx.runMutation(internal.audit.record, { workspaceId, action: gatewayId === undefined ? "gateway.created" : "gateway.updated", actor, target: { type: "gateway", id: saved.id } });
    return saved;
  },
});

export const regenerateUri = action({
  args: gatewayArgs,
  handler: async (ctx, args): Promise<GatewayView> => {
    const { workspaceId, actor } = await ctx.runQuery(internal.members.requireAdmin, { workspaceId: args.workspaceId });
    const saved = await ctx.runMutation(internal.gateways.patch, { workspaceId, id: args.gatewayId, uriToken: mintUriToken() });
    if (saved === null) throw appError("NOT_FOUND", "Gateway not found.");
    await ctx.runMutation(internal.audit.record, { workspaceId, action: "gateway.uri_regenerated", actor, target: { type: "gateway", id: saved.id } });
    return saved;
  },
});

export const remove = mutation({
  args: gatewayArgs,
  handler: async (ctx, args): Promise<null> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    const gateway = await findGateway(ctx.db, workspaceId, args.gatewayId);
    if (gateway === null) throw appError("NOT_FOUND", "Gateway not found.");
    await ctx.db.delete("gateways", gateway._id);
    return null;
  },
});

export const broadcast = mutation({
  args: { ...gatewayArgs, ...broadcastArgs },
  handler: async (ctx, { workspaceId: raw, gatewayId, ...args }): Promise<BroadcastView> => {
    const { workspaceId } = await requireMember(ctx, raw, "admin");
    const sent = await sendBroadcast(ctx, workspaceId, gatewayId, args);
    if (sent === null) throw appError("NOT_FOUND", "Gateway not found.");
    return sent;
  },
});

export const broadcasts = query({
  args: gatewayArgs,
  handler: async (ctx, args): Promise<BroadcastView[]> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    return (await listBroadcasts(ctx.db, workspaceId, args.gatewayId, 20)) ?? [];
  },
});

/** The callback's delivery log, newest first. */
export const deliveries = query({
  args: gatewayArgs,
  handler: async (ctx, args): Promise<DeliveryView[]> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    const gateway = await findGateway(ctx.db, workspaceId, args.gatewayId);
    if (gateway === null) return [];
    const rows = await ctx.db
      .query("deliveries")
      .withIndex("by_workspace_source", (q) => q.eq("workspaceId", workspaceId).eq("sourceId", gateway._id))
      .order("desc")
      .take(30);
    return rows.map(deliveryView);
  },
});

/** An operator's retry of a dead letter, in its turn within its chat. */
export const retryDelivery = mutation({
  args: { ...gatewayArgs, deliveryId: v.string() },
  handler: async (ctx, args): Promise<null> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    const gateway = await findGateway(ctx.db, workspaceId, args.gatewayId);
    const id = ctx.db.normalizeId("deliveries", args.deliveryId);
    const delivery = id === null ? null : await ctx.db.get("deliveries", id);
    if (gateway === null || delivery === null || delivery.sourceId !== gateway._id) throw appError("NOT_FOUND", "Delivery not found.");
    if (delivery.status === "dead") await retryDead(ctx, delivery);
    return null;
  },
});

export type GatewayChatDetails = {
  platform: string;
  gatewayName: string | null;
  chatId: string;
  sender: { id: string; name: string | null; nickname: string | null };
  metadata: Record<string, string>;
};

/** Any member: the sidebar's details of a conversation that came through a gateway; null for the widget's. */
export const chatForConversation = query({
  args: { workspaceId: v.string(), conversationId: v.string() },
  handler: async (ctx, args): Promise<GatewayChatDetails | null> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    const conversation = await requireWorkspaceConversation(ctx.db, workspaceId, args.conversationId);
    const chat = await gatewayChatOf(ctx.db, conversation._id);
    if (chat === null) return null;
    const gateway = await ctx.db.get("gateways", chat.gatewayId);
    return {
      platform: chat.platform,
      gatewayName: gateway?.name ?? null,
      chatId: chat.chatId,
      sender: { id: chat.sender.id, name: chat.sender.name ?? null, nickname: chat.sender.nickname ?? null },
      metadata: chat.metadata,
    };
  },
});
