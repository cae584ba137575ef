import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { internalMutation, internalQuery, type DatabaseReader, type MutationCtx } from "./_generated/server";
import { inboundMessageTime } from "./lib/gatewayProtocol";
import { attachmentValidator } from "./lib/messengerValidators";
import { appendMessage, startConversation } from "./model/conversations";
import { emitWebhookEvent } from "./outgoing/webhookEvents";

/*
 * What a gateway service's signed calls change (the HTTP side, with the
 * signature check, is gatewayHttp.ts): a message opens or continues the
 * conversation of its chatId as a contact of the sender's platform, a close
 * closes it, a broadcast report marks the failed recipients.
 */

export type InboundResult = { ok: true; duplicate?: boolean } | { ok: false; status: 404; field: string; error: string };

export const byToken = internalQuery({
  args: { uriToken: v.string() },
  handler: async (ctx, args): Promise<{ gatewayId: Id<"gateways">; sealedSecret: string } | null> => {
    const gateway = await ctx.db
      .query("gateways")
      .withIndex("by_uri_token", (q) => q.eq("uriToken", args.uriToken))
      .unique();
    return gateway === null ? null : { gatewayId: gateway._id, sealedSecret: gateway.sealedSecret };
  },
});

const senderSession = (gatewayId: Id<"gateways">, senderId: string) => `gateway:${gatewayId}:${senderId}`;
const clientMessageId = (chatId: string, messageId: string) => `gateway:${chatId}:${messageId}`;

async function findChat(db: DatabaseReader, gatewayId: Id<"gateways">, chatId: string) {
  return await db
    .query("gatewayChats")
    .withIndex("by_gateway_chat", (q) => q.eq("gatewayId", gatewayId).eq("chatId", chatId))
    .unique();
}

async function storedMessage(db: DatabaseReader, chat: Doc<"gatewayChats"> | null, messageId: string) {
  if (chat === null) return null;
  return await db
    .query("messages")
    .withIndex("by_visitor_client_message", (q) => q.eq("visitorId", chat.visitorId).eq("clientMessageId", clientMessageId(chat.chatId, messageId)))
    .first();
}

/** Whether this message id was stored already (checked before a file is fetched for it). */
export const isDuplicate = internalQuery({
  args: { gatewayId: v.id("gateways"), chatId: v.string(), messageId: v.string() },
  handler: async (ctx, args): Promise<boolean> =>
    (await storedMessage(ctx.db, await findChat(ctx.db, args.gatewayId, args.chatId), args.messageId)) !== null,
});

const senderValidator = v.object({ id: v.string(), type: v.optional(v.string()), name: v.optional(v.string()), nickname: v.optional(v.string()) });

export const receiveMessage = internalMutation({
  args: {
    gatewayId: v.id("gateways"),
    id: v.string(),
    chatId: v.string(),
    sender: senderValidator,
    text: v.string(),
    /** The service's time of the message (checked against the clock by the HTTP side). */
    date: v.optional(v.number()),
    metadata: v.optional(v.record(v.string(), v.string())),
    file: v.optional(v.object({ attachment: attachmentValidator, accessKey: v.string() })),
  },
  handler: async (ctx, args): Promise<InboundResult> => {
    const gateway = await ctx.db.get("gateways", args.gatewayId);
    if (gateway === null) return { ok: false, status: 404, field: "uri", error: "No such gateway." };
    const existing = await findChat(ctx.db, gateway._id, args.chatId);
    if ((await storedMessage(ctx.db, existing, args.id)) !== null) {
      // Stored once: the file fetched for the repeat is not kept.
      if (args.file !== undefined) await ctx.storage.delete(args.file.attachment.storageId);
      return { ok: true, duplicate: true };
    }
    const now = Date.now();
    const visitor = await senderContact(ctx, gateway, args.sender, now);
    const { conversation, started } = await chatConversation(ctx, gateway, existing, visitor, args, now);
    const newest = await ctx.db
      .query("messages")
      .withIndex("by_conversation_created", (q) => q.eq("conversationId", conversation._id))
      .order("desc")
      .first();
    const message = await appendMessage(ctx.db, conversation, {
      senderType: "visitor",
      body: args.text.trim(),
      createdAt: inboundMessageTime(args.date, now, newest?.createdAt ?? null),
      visitorId: visitor._id,
      clientMessageId: clientMessageId(args.chatId, args.id),
      ...(args.sender.name !== undefined ? { senderName: args.sender.name } : {}),
      ...(args.file !== undefined ? { attachments: [args.file.attachment] } : {}),
    });
    if (args.file !== undefined) {
      await ctx.db.insert("uploads", {
        workspaceId: gateway.workspaceId,
        visitorId: visitor._id,
        attachment: args.file.attachment,
        accessKey: args.file.accessKey,
        messageId: message._id,
        createdAt: now,
      });
    }
    if (started) await emitWebhookEvent(ctx, gateway.workspaceId, "conversation.created", { conversationId: conversation._id });
    await emitWebhookEvent(ctx, gateway.workspaceId, "message.created", { messageId: message._id });
    return { ok: true };
  },
});

/** The contact of the sender on its platform: one per gateway and sender id. */
async function senderContact(ctx: MutationCtx, gateway: Doc<"gateways">, sender: { id: string; name?: string | undefined }, now: number) {
  const sessionId = senderSession(gateway._id, sender.id);
  const found = await ctx.db
    .query("visitors")
    .withIndex("by_workspace_session", (q) => q.eq("workspaceId", gateway.workspaceId).eq("sessionId", sessionId))
    .first();
  if (found !== null) {
    const name = sender.name ?? found.name;
    await ctx.db.patch("visitors", found._id, { lastSeenAt: now, ...(name !== undefined ? { name } : {}) });
    return found;
  }
  const id = await ctx.db.insert("visitors", {
    workspaceId: gateway.workspaceId,
    sessionId,
    lastSeenAt: now,
    identified: false,
    verified: false,
    ...(sender.name !== undefined ? { name: sender.name } : {}),
  });
  const inserted = await ctx.db.get("visitors", id);
  if (inserted === null) throw new Error("Visitor vanished right after insert");
  return inserted;
}

/** The chat's conversation (a closed one reopens with the message), or a new one the chat points at from now on. */
async function chatConversation(
  ctx: MutationCtx,
  gateway: Doc<"gateways">,
  chat: Doc<"gatewayChats"> | null,
  visitor: Doc<"visitors">,
  message: { chatId: string; sender: { id: string; type?: string; name?: string; nickname?: string }; metadata?: Record<string, string> },
  now: number,
): Promise<{ conversation: Doc<"conversations">; started: boolean }> {
  const current = chat === null ? null : await ctx.db.get("conversations", chat.conversationId);
  const conversation = current ?? (await startConversation(ctx.db, visitor, now));
  // A new chat goes to the gateway's team, as the team picker in the inbox would put it.
  const teamId = gateway.routing.teamId;
  if (current === null && teamId !== undefined && teamId !== null && (await ctx.db.get("supportTeams", teamId)) !== null) {
    await ctx.db.patch("conversations", conversation._id, { supportTeamId: teamId });
  }
  const { id, name, nickname } = message.sender;
  const fields = {
    conversationId: conversation._id,
    visitorId: visitor._id,
    platform: message.sender.type || "gateway",
    sender: { id, ...(name !== undefined ? { name } : {}), ...(nickname !== undefined ? { nickname } : {}) },
    metadata: { ...(chat?.metadata ?? {}), ...(message.metadata ?? {}) },
    updatedAt: now,
  };
  if (chat === null) {
    await ctx.db.insert("gatewayChats", { workspaceId: gateway.workspaceId, gatewayId: gateway._id, chatId: message.chatId, ...fields });
  } else {
    await ctx.db.patch("gatewayChats", chat._id, fields);
  }
  return { conversation, started: current === null };
}

export const closeChat = internalMutation({
  args: { gatewayId: v.id("gateways"), chatId: v.string() },
  handler: async (ctx, args): Promise<InboundResult> => {
    const chat = await findChat(ctx.db, args.gatewayId, args.chatId);
    const conversation = chat === null ? null : await ctx.db.get("conversations", chat.conversationId);
    if (conversation === null) return { ok: false, status: 404, field: "close.chatId", error: "close.chatId names no chat of this gateway." };
    if (conversation.status !== "closed") {
      await ctx.db.patch("conversations", conversation._id, { status: "closed" });
      await emitWebhookEvent(ctx, conversation.workspaceId, "conversation.closed", { conversationId: conversation._id });
    }
    return { ok: true };
  },
});

export const reportBroadcast = internalMutation({
  args: { gatewayId: v.id("gateways"), eventId: v.string(), recipients: v.array(v.object({ id: v.string(), error: v.optional(v.string()) })) },
  handler: async (ctx, args): Promise<InboundResult> => {
    const broadcast = await ctx.db
      .query("gatewayBroadcasts")
      .withIndex("by_gateway_event", (q) => q.eq("gatewayId", args.gatewayId).eq("eventId", args.eventId))
      .unique();
    if (broadcast === null) return { ok: false, status: 404, field: "broadcast.eventId", error: "broadcast.eventId names no broadcast of this gateway." };
    const failed = new Map(args.recipients.map((recipient) => [recipient.id, recipient.error?.trim() || "Not delivered."]));
    const recipients = broadcast.recipients.map((recipient) => {
      const error = failed.get(recipient.id);
      return error === undefined ? recipient : { ...recipient, error };
    });
    await ctx.db.patch("gatewayBroadcasts", broadcast._id, { recipients });
    return { ok: true };
  },
});
