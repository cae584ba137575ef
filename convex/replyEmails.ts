import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { internalAction, internalMutation, internalQuery } from "./_generated/server";
import { attachmentViews } from "./lib/attachmentViews";
import { policyFor } from "./lib/outgoingPolicy";
import { composeReplyEmail, decideReplyEmail, emailConfig, replyEmailTiming, TIMING_VARIABLE, type EmailDecision, type Reply } from "./lib/replyEmailRules";
import { sealSecret } from "./lib/secretBox";
import { replyEmailRow } from "./model/replyEmails";
import { secretPartPurpose } from "./outgoing/prepare";
import { enqueueDelivery } from "./outgoing/queue";

/*
 * The away message promises a reply by email; this keeps the promise. A minute after an
 * operator's reply (later replies join the batch), `send` looks at the conversation: replies
 * the visitor has not read, a visitor who is not on the site and has an email address → one
 * email through the outgoing-call module (retries, backoff, delivery log). `complete` moves
 * the conversation's `coveredThrough` mark in the same transaction that queues the email,
 * so a reply is never emailed twice, whatever runs again.
 */

type Plan = { decision: EmailDecision; to: string | null; workspaceId: Id<"workspaces">; workspaceName: string; pageUrl: string | null } | null;

export const plan = internalQuery({
  args: { conversationId: v.id("conversations"), now: v.number() },
  handler: async (ctx, args): Promise<Plan> => {
    const row = await replyEmailRow(ctx.db, args.conversationId);
    const conversation = await ctx.db.get("conversations", args.conversationId);
    if (row === null || conversation === null) return null;
    const [visitor, workspace] = await Promise.all([ctx.db.get("visitors", conversation.visitorId), ctx.db.get("workspaces", conversation.workspaceId)]);
    if (visitor === null || workspace === null) return null;
    const messages = await ctx.db
      .query("messages")
      .withIndex("by_conversation_created", (q) => q.eq("conversationId", conversation._id).gt("createdAt", row.coveredThrough))
      .take(100);
    const replies: Reply[] = await Promise.all(
      messages
        .filter((message) => message.senderType === "agent")
        .map(async (message) => ({
          createdAt: message.createdAt,
          authorName: message.senderName ?? workspace.name,
          body: message.body,
          files: (await attachmentViews(ctx.db, message)).map(({ name, url }) => ({ name, url })),
        })),
    );
    const state = { email: visitor.email ?? null, lastSeenAt: visitor.lastSeenAt, readAt: conversation.readByVisitorAt ?? null };
    return {
      decision: decideReplyEmail(state, replies, row.coveredThrough, args.now, replyEmailTiming(process.env[TIMING_VARIABLE])),
      to: visitor.email ?? null,
      workspaceId: workspace._id,
      workspaceName: workspace.name,
      pageUrl: visitor.lastPageUrl ?? null,
    };
  },
});

export const send = internalAction({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, args): Promise<null> => {
    let config: ReturnType<typeof emailConfig>;
    try {
      config = emailConfig(process.env);
    } catch (error) {
      // A misconfigured deployment: say so in the logs, and leave the batch closed, not stuck.
      console.error(`Reply email not sent: ${error instanceof Error ? error.message : String(error)}`);
      config = null;
    }
    const found = await ctx.runQuery(internal.replyEmails.plan, { conversationId: args.conversationId, now: Date.now() });
    if (found === null) return null;
    const { decision } = found;
    if (config === null) {
      // Email was switched off after the reply: nothing to send, nothing to look at again.
      await ctx.runMutation(internal.replyEmails.complete, { conversationId: args.conversationId, through: null, email: null, stop: true });
      return null;
    }
    if (decision.kind === "wait") {
      await ctx.runMutation(internal.replyEmails.complete, { conversationId: args.conversationId, through: null, email: null });
      return null;
    }
    if (decision.kind === "skip" || found.to === null) {
      await ctx.runMutation(internal.replyEmails.complete, { conversationId: args.conversationId, through: decision.through, email: null });
      return null;
    }
    const message = composeReplyEmail(found.workspaceName, decision.replies, found.pageUrl);
    const idempotencyKey = `reply-email/${args.conversationId}/${decision.through}`;
    await ctx.runMutation(internal.replyEmails.complete, {
      conversationId: args.conversationId,
      through: decision.through,
      email: {
        url: config.endpoint,
        body: JSON.stringify({ from: config.from, to: [found.to], subject: message.subject, text: message.text, html: message.html }),
        idempotencyKey,
        // Sealed here, in an action: sealing draws a random IV (lib/secretBox.ts).
        sealedAuthorization: await sealSecret(`Bearer ${config.apiKey}`, secretPartPurpose({ in: "header", name: "Authorization" })),
      },
    });
    return null;
  },
});

/**
 * Ends a batch: queues its email unless the replies were covered meanwhile, moves the mark,
 * and schedules the next batch when replies came in while this one was being decided (or
 * the visitor was still on the site: `through` null).
 */
export const complete = internalMutation({
  args: {
    conversationId: v.id("conversations"),
    through: v.union(v.number(), v.null()),
    email: v.union(v.null(), v.object({ url: v.string(), body: v.string(), idempotencyKey: v.string(), sealedAuthorization: v.string() })),
    /** Clear the batch without looking for newer replies. */
    stop: v.optional(v.boolean()),
  },
  handler: async (ctx, args): Promise<null> => {
    const row = await replyEmailRow(ctx.db, args.conversationId);
    if (row === null) return null;
    const now = Date.now();
    let patch: { coveredThrough?: number; lastDeliveryId?: Id<"deliveries">; emailsSent?: number } = {};
    if (args.through !== null && args.through > row.coveredThrough) {
      patch = { coveredThrough: args.through };
      if (args.email !== null) {
        const deliveryId = await enqueueDelivery(ctx, {
          workspaceId: row.workspaceId,
          kind: "email",
          sourceId: args.conversationId,
          topic: "conversation.reply_email",
          url: args.email.url,
          body: args.email.body,
          policy: policyFor("email"),
          // Providers that take one (Resend does) drop a repeated send with the same key.
          headers: [{ name: "Idempotency-Key", value: args.email.idempotencyKey }],
          secretParts: [{ in: "header", name: "Authorization", sealed: args.email.sealedAuthorization }],
          idempotencyKey: args.email.idempotencyKey,
        });
        patch = { ...patch, lastDeliveryId: deliveryId, emailsSent: row.emailsSent + 1 };
      }
    }
    const covered = patch.coveredThrough ?? row.coveredThrough;
    const newer = args.stop === true ? null : await ctx.db
      .query("messages")
      .withIndex("by_conversation_created", (q) => q.eq("conversationId", args.conversationId).gt("createdAt", covered))
      .filter((q) => q.eq(q.field("senderType"), "agent"))
      .first();
    if (newer === null || args.stop === true) {
      await ctx.db.patch("replyEmails", row._id, { ...patch, dueAt: undefined });
    } else {
      const dueAt = now + replyEmailTiming(process.env[TIMING_VARIABLE]).batchMs;
      await ctx.db.patch("replyEmails", row._id, { ...patch, dueAt });
      await ctx.scheduler.runAt(dueAt, internal.replyEmails.send, { conversationId: args.conversationId });
    }
    return null;
  },
});
