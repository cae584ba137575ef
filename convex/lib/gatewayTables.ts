import { defineTable } from "convex/server";
import { v, type Infer } from "convex/values";

/*
 * Chat gateways: an outside chat service (a messenger bridge, a bot platform,
 * a team's own app) exchanging messages with the inbox through two signed
 * webhooks. The app secret is sealed (lib/secretBox.ts), never stored in clear.
 */

/**
 * Where a gateway's new chats go. Today a support team (or none); a bot
 * story variant (`{type: "story", storyId}`) joins this union once stories exist.
 */
export const gatewayRoutingValidator = v.union(
  v.object({ type: v.literal("team"), teamId: v.union(v.id("supportTeams"), v.null()) }),
);
export type GatewayRouting = Infer<typeof gatewayRoutingValidator>;

export const gatewayTemplatesValidator = v.object({
  memberName: v.string(),
  chatComplete: v.string(),
  agentJoined: v.string(),
  agentLeft: v.string(),
});
export type GatewayTemplates = Infer<typeof gatewayTemplatesValidator>;

export const broadcastRecipientValidator = v.object({
  id: v.string(),
  type: v.string(),
  /** Set when the service reported this recipient failed. */
  error: v.optional(v.string()),
});

export const gatewayTables = {
  gateways: defineTable({
    workspaceId: v.id("workspaces"),
    name: v.string(),
    /** The unguessable last segment of the inbound URI, `{siteUrl}/gateway/{uriToken}`. */
    uriToken: v.string(),
    callbackUrl: v.string(),
    /** Sealed with the outgoing module's signing purpose, so deliveries sign with it as is. */
    sealedSecret: v.string(),
    routing: gatewayRoutingValidator,
    templates: gatewayTemplatesValidator,
    createdAt: v.number(),
    updatedAt: v.number(),
  })
    .index("by_workspace", ["workspaceId"])
    .index("by_uri_token", ["uriToken"]),

  /** One chat of the outside service and the conversation it currently feeds. */
  gatewayChats: defineTable({
    workspaceId: v.id("workspaces"),
    gatewayId: v.id("gateways"),
    chatId: v.string(),
    conversationId: v.id("conversations"),
    visitorId: v.id("visitors"),
    /** The sender's platform (`sender.type`: telegram, viber…), or "gateway" when not given. */
    platform: v.string(),
    sender: v.object({ id: v.string(), name: v.optional(v.string()), nickname: v.optional(v.string()) }),
    metadata: v.record(v.string(), v.string()),
    updatedAt: v.number(),
  })
    .index("by_gateway_chat", ["gatewayId", "chatId"])
    .index("by_conversation", ["conversationId"]),

  gatewayBroadcasts: defineTable({
    workspaceId: v.id("workspaces"),
    gatewayId: v.id("gateways"),
    /** Sent as `broadcast.eventId`; the service's error report names it. */
    eventId: v.string(),
    text: v.string(),
    metadata: v.optional(v.record(v.string(), v.string())),
    recipients: v.array(broadcastRecipientValidator),
    deliveryId: v.optional(v.id("deliveries")),
    createdAt: v.number(),
  })
    .index("by_gateway_created", ["gatewayId", "createdAt"])
    .index("by_gateway_event", ["gatewayId", "eventId"]),
};
