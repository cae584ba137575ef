import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";
import { attachmentViews } from "../lib/attachmentViews";
import { renderTemplate, type TemplateName, type TemplateValues } from "../lib/gatewayRules";
import { policyFor } from "../lib/outgoingPolicy";
import { enqueueDelivery, type QueueCtx } from "../outgoing/queue";
import { findMember } from "./members";

/*
 * What the operators do in a gateway's chat, sent to its callback through the
 * outgoing-call module: signed with the app secret (`X-Opencom-Sign`), one
 * chat's calls in the order they happened (the ordering key is the chat), with
 * retries, then a dead letter an operator can retry. Domain mutations call
 * relayToGateway in their own transaction, so a call is queued exactly when
 * the change commits; a conversation that is not a gateway's costs one read.
 */

/** Queues one signed call to a gateway's callback: its policy, its secret, its topic. */
export async function enqueueGatewayCall(
  ctx: QueueCtx,
  gateway: Doc<"gateways">,
  topic: string,
  body: unknown,
  order: { orderingKey?: string; idempotencyKey?: string } = {},
): Promise<Id<"deliveries">> {
  return await enqueueDelivery(ctx, {
    workspaceId: gateway.workspaceId,
    kind: "gateway",
    url: gateway.callbackUrl,
    body: JSON.stringify(body),
    policy: policyFor("gateway"),
    signing: { scheme: "x-opencom-sign", sealedSecrets: [gateway.sealedSecret] },
    sourceId: gateway._id,
    topic,
    ...order,
  });
}

export type GatewayEvent =
  | { kind: "message"; message: Doc<"messages"> }
  | { kind: "agentJoined" | "agentLeft"; agentName: string }
  /** The chat complete template (`{{agent.name}}`: the assignee, if any), then `{close: {chatId}}`. */
  | { kind: "closed" };

export type OutboundMessage = {
  id: string;
  chatId: string;
  date: number;
  text: string;
  sender: { id: string; type: "agent" | "system"; name: string };
  event?: "agent_joined" | "agent_left" | "chat_complete";
  file?: { url: string; mime: string; size: number; name: string };
};

export async function gatewayChatOf(db: DatabaseReader, conversationId: Id<"conversations">): Promise<Doc<"gatewayChats"> | null> {
  return await db
    .query("gatewayChats")
    .withIndex("by_conversation", (q) => q.eq("conversationId", conversationId))
    .first();
}

function templateValues(gateway: Doc<"gateways">, chat: Doc<"gatewayChats">, agentName: string | null): TemplateValues {
  return {
    "agent.name": agentName ?? "",
    "visitor.name": chat.sender.name ?? chat.sender.nickname ?? "",
    "visitor.nickname": chat.sender.nickname ?? "",
    "visitor.platform": chat.platform,
    "chat.id": chat.chatId,
    "gateway.name": gateway.name,
  };
}

export async function relayToGateway(ctx: QueueCtx, conversationId: Id<"conversations">, event: GatewayEvent): Promise<void> {
  const chat = await gatewayChatOf(ctx.db, conversationId);
  // The chat moved on to a newer conversation: this one's events no longer reach the service.
  if (chat === null || chat.conversationId !== conversationId) return;
  const gateway = await ctx.db.get("gateways", chat.gatewayId);
  if (gateway === null) return;
  const send = async (topic: string, body: unknown, idempotencyKey?: string) =>
    await enqueueGatewayCall(ctx, gateway, topic, body, {
      orderingKey: `${gateway._id}:${chat.chatId}`,
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
    });
  const now = Date.now();
  const fromTemplate = (name: TemplateName, agentName: string | null) =>
    renderTemplate(gateway.templates[name], templateValues(gateway, chat, agentName));
  const systemMessage = (id: string, name: TemplateName, tag: OutboundMessage["event"], agentName: string | null): OutboundMessage => ({
    id,
    chatId: chat.chatId,
    date: now,
    text: fromTemplate(name, agentName),
    sender: { id: "opencom", type: "system", name: gateway.name },
    ...(tag !== undefined ? { event: tag } : {}),
  });

  if (event.kind === "message") {
    for (const message of await agentMessages(ctx.db, event.message, chat.chatId, fromTemplate("memberName", event.message.senderName ?? null))) {
      await send("message", { message }, `gateway:message:${message.id}`);
    }
    return;
  }
  if (event.kind === "closed") {
    if (gateway.templates.chatComplete.trim() !== "") {
      const conversation = await ctx.db.get("conversations", conversationId);
      const assignee = conversation?.assigneeId === undefined ? null : await findMember(ctx.db, gateway.workspaceId, conversation.assigneeId);
      await send("chat_complete", { message: systemMessage(`${conversationId}:complete:${now}`, "chatComplete", "chat_complete", assignee?.name ?? null) });
    }
    await send("close", { close: { chatId: chat.chatId } });
    return;
  }
  const [template, tag] = event.kind === "agentJoined" ? (["agentJoined", "agent_joined"] as const) : (["agentLeft", "agent_left"] as const);
  if (gateway.templates[template].trim() === "") return;
  await send(tag, { message: systemMessage(`${conversationId}:${tag}:${now}`, template, tag, event.agentName) });
}

/** An operator's message as the service receives it: the text with the first file, then one message per further file. */
async function agentMessages(db: DatabaseReader, message: Doc<"messages">, chatId: string, senderName: string): Promise<OutboundMessage[]> {
  const files = await attachmentViews(db, message);
  const base = { chatId, date: message.createdAt, sender: { id: "team", type: "agent" as const, name: senderName } };
  const fileOf = (index: number) => {
    const file = files[index];
    return file === undefined || file.url === null ? {} : { file: { url: file.url, mime: file.contentType, size: file.size, name: file.name } };
  };
  const messages: OutboundMessage[] = [{ ...base, id: message._id, text: message.body, ...fileOf(0) }];
  for (let index = 1; index < files.length; index++) messages.push({ ...base, id: `${message._id}:${index}`, text: "", ...fileOf(index) });
  return messages;
}
