import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";
import { apiConversation, apiMessage } from "../lib/views";
import { apiTicket } from "../lib/ticketViews";
import { policyFor } from "../lib/outgoingPolicy";
import { subscribedTo, type WebhookEventType } from "../lib/outgoingWebhookRules";
import { enqueueDelivery, type QueueCtx } from "./queue";

/*
 * Outgoing webhooks: the domain's mutations call emitWebhookEvent once per
 * event, inside their own transaction, so an event is queued exactly when its
 * change commits. A workspace without subscriptions pays one index read.
 */

export type WebhookEventInputs = {
  "conversation.created": { conversationId: Id<"conversations"> };
  "message.created": { messageId: Id<"messages"> };
  "conversation.closed": { conversationId: Id<"conversations"> };
  "ticket.created": { ticketId: Id<"tickets"> };
  "ticket.state_changed": { ticketId: Id<"tickets">; previousState: Doc<"tickets">["state"] };
  "csat.submitted": { ratingId: Id<"csatRatings"> };
  "visitor.identified": { visitorId: Id<"visitors"> };
};

export const EVENT_HEADER = "Opencom-Event";
export const EVENT_ID_HEADER = "Opencom-Event-Id";

export async function emitWebhookEvent<T extends WebhookEventType>(
  ctx: QueueCtx,
  workspaceId: Id<"workspaces">,
  type: T,
  input: WebhookEventInputs[T],
): Promise<void> {
  const now = Date.now();
  const subscriptions = (
    await ctx.db
      .query("webhookSubscriptions")
      .withIndex("by_workspace", (q) => q.eq("workspaceId", workspaceId))
      .collect()
  ).filter((subscription) => subscription.enabled && subscribedTo(subscription.events, type));
  if (subscriptions.length === 0) return;
  const data = await eventData(ctx.db, type, input);
  // Messages from bots and the system are not events of their own.
  if (data === null) return;
  const eventId = await ctx.db.insert("webhookEvents", { workspaceId, type, createdAt: now });
  const body = JSON.stringify({ id: eventId, type, created: Math.floor(now / 1000), workspaceId, data });
  const policy = policyFor("webhook");
  for (const subscription of subscriptions) {
    await enqueueWebhookDelivery(ctx, subscription, { eventId, type, body, policy, now });
  }
}

/** One delivery of an event to one subscription, signed with the subscription's active secrets. */
export async function enqueueWebhookDelivery(
  ctx: QueueCtx,
  subscription: Doc<"webhookSubscriptions">,
  event: { eventId: string; type: string; body: string; policy: ReturnType<typeof policyFor>; now: number; replayOf?: Id<"deliveries"> },
): Promise<Id<"deliveries">> {
  return await enqueueDelivery(ctx, {
    workspaceId: subscription.workspaceId,
    kind: "webhook",
    sourceId: subscription._id,
    topic: event.type,
    url: subscription.url,
    body: event.body,
    policy: event.policy,
    headers: [
      { name: EVENT_HEADER, value: event.type },
      { name: EVENT_ID_HEADER, value: event.eventId },
    ],
    signing: { scheme: "opencom-signature", sealedSecrets: activeSecrets(subscription, event.now) },
    ...(event.replayOf === undefined
      ? { idempotencyKey: `${event.eventId}:${subscription._id}` }
      : { replayOf: event.replayOf }),
  });
}

export function activeSecrets(subscription: Doc<"webhookSubscriptions">, now: number): string[] {
  return subscription.secrets.filter((secret) => secret.expiresAt === undefined || secret.expiresAt > now).map((secret) => secret.sealed);
}

async function eventData<T extends WebhookEventType>(db: DatabaseReader, type: T, input: WebhookEventInputs[T]): Promise<object | null> {
  const conversationData = async (id: Id<"conversations">) => {
    const conversation = await db.get("conversations", id);
    if (conversation === null) return null;
    return { conversation: apiConversation(conversation, await db.get("visitors", conversation.visitorId)) };
  };
  switch (type) {
    case "conversation.created":
    case "conversation.closed":
      return await conversationData((input as WebhookEventInputs["conversation.created"]).conversationId);
    case "message.created": {
      const message = await db.get("messages", (input as WebhookEventInputs["message.created"]).messageId);
      if (message === null || (message.senderType !== "visitor" && message.senderType !== "agent")) return null;
      const attachments = (message.attachments ?? []).map(({ name, contentType, size }) => ({ name, contentType, size }));
      return { author: message.senderType, message: { ...apiMessage(message), attachments } };
    }
    case "ticket.created":
    case "ticket.state_changed": {
      const { ticketId } = input as WebhookEventInputs["ticket.created"];
      const ticket = await db.get("tickets", ticketId);
      if (ticket === null) return null;
      const previous = (input as Partial<WebhookEventInputs["ticket.state_changed"]>).previousState;
      return previous === undefined ? { ticket: apiTicket(ticket) } : { ticket: apiTicket(ticket), previousState: previous };
    }
    case "csat.submitted": {
      const rating = await db.get("csatRatings", (input as WebhookEventInputs["csat.submitted"]).ratingId);
      if (rating === null) return null;
      const { _id, conversationId, visitorId, createdAt } = rating;
      return { rating: { id: _id, conversationId, visitorId, rating: rating.rating, comment: rating.comment ?? null, createdAt } };
    }
    case "visitor.identified": {
      const visitor = await db.get("visitors", (input as WebhookEventInputs["visitor.identified"]).visitorId);
      if (visitor === null) return null;
      return {
        visitor: {
          id: visitor._id,
          userId: visitor.userId ?? null,
          email: visitor.email ?? null,
          name: visitor.name ?? null,
          verified: visitor.verified,
          customAttributes: visitor.customAttributes ?? {},
        },
      };
    }
    default:
      return null;
  }
}
