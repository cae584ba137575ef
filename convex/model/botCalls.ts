import { createFunctionHandle } from "convex/server";
import { validateBotReply, type WebhookNode } from "../../core/bots";
import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import { policyFor } from "../lib/outgoingPolicy";
import { enqueueDelivery, type CompletionArgs } from "../outgoing/queue";
import { handOff, offersChoices, playResponses, runFrom, type Run, type RunCtx } from "./botRunner";

/*
 * A WEBHOOK node's call, through the one outgoing-call module: the protocol's
 * body, the connection's token as `?token=`, its headers and basic auth added
 * at send time from their sealed boxes, an Opencom-Signature, retries on
 * timeouts and 5xx within the bot policy (about 30 s), one call at a time per
 * conversation (ordering key), de-duplicated by the call's messageId.
 */

function userAttributesOf(visitor: Doc<"visitors"> | null): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (visitor?.name !== undefined) attributes["default_name"] = visitor.name;
  if (visitor?.email !== undefined) attributes["default_email"] = visitor.email;
  if (visitor?.userId !== undefined) attributes["default_user_id"] = visitor.userId;
  return attributes;
}

export function secretPartsOf(connection: Doc<"botConnections">) {
  return [
    ...(connection.sealedToken !== undefined ? [{ in: "query" as const, name: "token", sealed: connection.sealedToken }] : []),
    ...(connection.sealedHeaders ?? []).map(({ name, sealed }) => ({ in: "header" as const, name, sealed })),
    ...(connection.auth !== undefined ? [{ in: "header" as const, name: "Authorization", sealed: connection.auth.sealedAuthorization }] : []),
  ];
}

export async function callWebhook(ctx: RunCtx, run: Run, node: WebhookNode, now: number): Promise<void> {
  const id = ctx.db.normalizeId("botConnections", node.webhookId);
  const connection = id === null ? null : await ctx.db.get("botConnections", id);
  if (connection === null || connection.workspaceId !== run.workspaceId) {
    return await handOff(ctx, run, `The webhook connection ${node.webhookId} does not exist.`, now);
  }
  const conversation = await ctx.db.get("conversations", run.conversationId);
  const visitor = conversation === null ? null : await ctx.db.get("visitors", conversation.visitorId);
  const messageId = crypto.randomUUID();
  const body = JSON.stringify({
    chatId: run.conversationId,
    messageId,
    userId: conversation?.visitorId ?? "",
    externalId: visitor?.userId ?? conversation?.visitorId ?? "",
    node: { id: node.id, name: node.name, type: node.type, webhookId: connection._id, webhookName: connection.name },
    userAttributes: userAttributesOf(visitor),
    attributes: run.attributes,
  });
  const deliveryId = await enqueueDelivery(ctx, {
    workspaceId: run.workspaceId,
    kind: "bot",
    sourceId: connection._id,
    topic: "webhook",
    url: connection.url,
    body,
    policy: policyFor("bot"),
    secretParts: secretPartsOf(connection),
    signing: { scheme: "opencom-signature", sealedSecrets: [connection.sealedSigningSecret] },
    orderingKey: run.conversationId,
    idempotencyKey: messageId,
    onComplete: await createFunctionHandle(internal.bots.webhookDone),
  });
  await ctx.db.patch("botRuns", run._id, { status: "calling", deliveryId, callMessageId: messageId, updatedAt: now });
}

/** Why an answer cannot be used, or the reply; an empty body is an answer with nothing in it. */
export function readAnswer(responseBody: string | null) {
  const textBody = (responseBody ?? "").trim();
  if (textBody === "") return validateBotReply({});
  let parsed: unknown;
  try {
    parsed = JSON.parse(textBody);
  } catch {
    return { ok: false as const, path: "body", message: "The response is not valid JSON." };
  }
  const checked = validateBotReply(parsed);
  return checked.ok ? checked : { ok: false as const, path: checked.path, message: `Invalid response: ${checked.message}` };
}

async function setConnectionError(ctx: RunCtx, connectionId: Id<"botConnections"> | null, error: string | null, now: number) {
  if (connectionId === null) return;
  const connection = await ctx.db.get("botConnections", connectionId);
  if (connection !== null && connection.error !== error) await ctx.db.patch("botConnections", connectionId, { error, updatedAt: now });
}

/** The call settled: play its answer and follow the story, or hand off saying why. */
export async function settleCall(ctx: RunCtx, args: CompletionArgs, now: number): Promise<void> {
  const run = await ctx.db
    .query("botRuns")
    .withIndex("by_delivery", (q) => q.eq("deliveryId", args.deliveryId))
    .unique();
  if (run === null || run.status !== "calling") return;
  const delivery = await ctx.db.get("deliveries", args.deliveryId);
  const connectionId = delivery?.sourceId === undefined ? null : ctx.db.normalizeId("botConnections", delivery.sourceId);
  const answer = args.status === "succeeded" ? readAnswer(args.responseBody) : { ok: false as const, path: "", message: args.error ?? "The call failed." };
  if (!answer.ok) {
    await setConnectionError(ctx, connectionId, answer.message, now);
    return await handOff(ctx, run, `The webhook failed: ${answer.message}`, now);
  }
  await setConnectionError(ctx, connectionId, null, now);
  const attributes = { ...run.attributes, ...answer.value.attributes };
  const playCursor = await playResponses(ctx, run, answer.value.responses, now);
  const story = await ctx.db.get("botStories", run.storyId);
  const node = (story?.nodes as Array<{ id: string }> | undefined)?.find((candidate) => candidate.id === run.nodeId) as WebhookNode | undefined;
  const route = node?.routes?.find((candidate) => attributes[candidate.if.attribute] === candidate.if.equals);
  const next = route?.next ?? node?.next;
  const waiting = { attributes, playCursor, deliveryId: undefined, callMessageId: undefined, updatedAt: now };
  if (offersChoices(answer.value.responses)) {
    await ctx.db.patch("botRuns", run._id, { ...waiting, status: "waiting_choice", nextNodeId: next });
    return;
  }
  await ctx.db.patch("botRuns", run._id, waiting);
  await runFrom(ctx, run._id, next, now);
}
