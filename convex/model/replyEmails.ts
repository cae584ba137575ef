import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, MutationCtx } from "../_generated/server";
import { EMAIL_API_KEY_VARIABLE, EMAIL_API_URL_VARIABLE, EMAIL_FROM_VARIABLE, replyEmailTiming, TIMING_VARIABLE } from "../lib/replyEmailRules";

/*
 * The inbox's side of emailing replies: each operator reply makes sure one email batch is
 * due for its conversation (convex/replyEmails.ts decides at that time whether the visitor
 * still needs it).
 */

export async function replyEmailRow(db: DatabaseReader, conversationId: Id<"conversations">): Promise<Doc<"replyEmails"> | null> {
  return await db
    .query("replyEmails")
    .withIndex("by_conversation", (q) => q.eq("conversationId", conversationId))
    .unique();
}

const emailIsOn = (env: Record<string, string | undefined>) =>
  [EMAIL_API_URL_VARIABLE, EMAIL_API_KEY_VARIABLE, EMAIL_FROM_VARIABLE].every((name) => (env[name] ?? "").trim() !== "");

/** Schedules the conversation's next email batch, unless one is already due (the reply joins it). */
export async function scheduleReplyEmail(ctx: Pick<MutationCtx, "db" | "scheduler">, conversation: Doc<"conversations">, now: number): Promise<void> {
  if (!emailIsOn(process.env)) return;
  const row = await replyEmailRow(ctx.db, conversation._id);
  if (row?.dueAt !== undefined) return;
  const dueAt = now + replyEmailTiming(process.env[TIMING_VARIABLE]).batchMs;
  if (row === null) {
    // Replies from before the first one considered are not news: cover up to just before it.
    await ctx.db.insert("replyEmails", { workspaceId: conversation.workspaceId, conversationId: conversation._id, coveredThrough: now - 1, dueAt, emailsSent: 0 });
  } else {
    await ctx.db.patch("replyEmails", row._id, { dueAt });
  }
  await ctx.scheduler.runAt(dueAt, internal.replyEmails.send, { conversationId: conversation._id });
}
