import { v } from "convex/values";
import { boundedPage, mapPage } from "./lib/pages";
import { paginationOptsValidator, type PaginationResult } from "convex/server";
import type { Doc, Id } from "./_generated/dataModel";
import { internalMutation, internalQuery, type DatabaseReader, type MutationCtx } from "./_generated/server";
import { MESSAGE_MAX_LENGTH } from "../core/messages/text";
import { invalidArgument } from "./lib/errors";
import { GATEWAY_LIMITS } from "./lib/gatewayRules";
import { findGateway } from "./model/gateways";
import { enqueueGatewayCall } from "./model/gatewayRelay";

/*
 * Broadcasts: one outgoing message to recipients of a gateway's platform(s).
 * The service gets `{broadcast: {eventId, recipients, text, metadata?}}` on
 * its callback; it may later report recipients it could not reach, naming the
 * eventId (gatewayInbound.ts:reportBroadcast), and those show as failed.
 */

export type BroadcastView = {
  id: string;
  eventId: string;
  text: string;
  metadata: Record<string, string> | null;
  recipients: Array<{ id: string; type: string; status: "sent" | "failed"; error: string | null }>;
  /** The callback delivery's status: queued, in_flight, failed (retrying), succeeded or dead. */
  deliveryStatus: Doc<"deliveries">["status"] | null;
  createdAt: number;
};

async function broadcastView(db: DatabaseReader, row: Doc<"gatewayBroadcasts">): Promise<BroadcastView> {
  const delivery = row.deliveryId === undefined ? null : await db.get("deliveries", row.deliveryId);
  return {
    id: row._id,
    eventId: row.eventId,
    text: row.text,
    metadata: row.metadata ?? null,
    recipients: row.recipients.map(({ id, type, error }) => ({ id, type, status: error === undefined ? "sent" : "failed", error: error ?? null })),
    deliveryStatus: delivery?.status ?? null,
    createdAt: row.createdAt,
  };
}

export const broadcastArgs = {
  recipients: v.array(v.object({ id: v.string(), type: v.string() })),
  text: v.string(),
  metadata: v.optional(v.record(v.string(), v.string())),
};

/** Queues the broadcast; null when the workspace has no such gateway. */
export async function sendBroadcast(
  ctx: Pick<MutationCtx, "db" | "scheduler">,
  workspaceId: Id<"workspaces">,
  gatewayId: string,
  args: { recipients: Array<{ id: string; type: string }>; text: string; metadata?: Record<string, string> },
): Promise<BroadcastView | null> {
  const gateway = await findGateway(ctx.db, workspaceId, gatewayId);
  if (gateway === null) return null;
  const text = args.text.trim();
  if (text.length === 0 || text.length > MESSAGE_MAX_LENGTH) throw invalidArgument("text", `text must be 1 to ${MESSAGE_MAX_LENGTH} characters.`);
  if (args.recipients.length === 0 || args.recipients.length > GATEWAY_LIMITS.broadcastRecipientsMax) {
    throw invalidArgument("recipients", `recipients must list 1 to ${GATEWAY_LIMITS.broadcastRecipientsMax} recipients.`);
  }
  for (const [index, recipient] of args.recipients.entries()) {
    if (recipient.id.trim() === "" || recipient.id.length > 200) throw invalidArgument(`recipients.${index}.id`, `recipients.${index}.id must be 1 to 200 characters.`);
    if (recipient.type.length > 50) throw invalidArgument(`recipients.${index}.type`, `recipients.${index}.type must be at most 50 characters.`);
  }
  const recipients = args.recipients.map(({ id, type }) => ({ id: id.trim(), type }));
  const id = await ctx.db.insert("gatewayBroadcasts", {
    workspaceId,
    gatewayId: gateway._id,
    eventId: "",
    text,
    recipients,
    createdAt: Date.now(),
    ...(args.metadata !== undefined ? { metadata: args.metadata } : {}),
  });
  // The row's id is unguessable enough to correlate the report, and unique by construction.
  const eventId = id as string;
  const body = { broadcast: { eventId, recipients, text, ...(args.metadata !== undefined ? { metadata: args.metadata } : {}) } };
  const deliveryId = await enqueueGatewayCall(ctx, gateway, "broadcast", body);
  await ctx.db.patch("gatewayBroadcasts", id, { eventId, deliveryId });
  const row = await ctx.db.get("gatewayBroadcasts", id);
  if (row === null) throw new Error("Broadcast vanished right after insert");
  return await broadcastView(ctx.db, row);
}

const newestBroadcasts = (db: DatabaseReader, gatewayId: Id<"gateways">) =>
  db.query("gatewayBroadcasts").withIndex("by_gateway_created", (q) => q.eq("gatewayId", gatewayId)).order("desc");

export async function listBroadcasts(db: DatabaseReader, workspaceId: Id<"workspaces">, gatewayId: string, limit: number): Promise<BroadcastView[] | null> {
  const gateway = await findGateway(db, workspaceId, gatewayId);
  if (gateway === null) return null;
  const rows = await newestBroadcasts(db, gateway._id).take(Math.max(1, Math.min(100, limit)));
  return await Promise.all(rows.map((row) => broadcastView(db, row)));
}

export const send = internalMutation({
  args: { workspaceId: v.id("workspaces"), gatewayId: v.string(), ...broadcastArgs },
  handler: async (ctx, { workspaceId, gatewayId, ...args }): Promise<BroadcastView | null> => await sendBroadcast(ctx, workspaceId, gatewayId, args),
});

/** One page of the gateway's broadcasts, newest first; null when the gateway is not the workspace's. */
export const list = internalQuery({
  args: { workspaceId: v.id("workspaces"), gatewayId: v.string(), paginationOpts: paginationOptsValidator },
  handler: async (ctx, args): Promise<PaginationResult<BroadcastView> | null> => {
    const gateway = await findGateway(ctx.db, args.workspaceId, args.gatewayId);
    if (gateway === null) return null;
    const page = await newestBroadcasts(ctx.db, gateway._id).paginate(boundedPage(args.paginationOpts));
    return await mapPage(page, (row) => broadcastView(ctx.db, row));
  },
});
