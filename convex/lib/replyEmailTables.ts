import { defineTable } from "convex/server";
import { v } from "convex/values";

/** Emailing operators' replies to visitors who left (convex/replyEmails.ts); spread into schema.ts. */
export const replyEmailTables = {
  /**
   * One row per conversation whose replies have been considered for email. Replies written
   * up to `coveredThrough` were emailed or needed no email (seen, or no address), so none
   * is ever emailed twice; `dueAt` is set while a batch is waiting to go.
   */
  replyEmails: defineTable({
    workspaceId: v.id("workspaces"),
    conversationId: v.id("conversations"),
    coveredThrough: v.number(),
    dueAt: v.optional(v.number()),
    /** The outgoing delivery (convex/outgoing) of the latest email, for its log and retries. */
    lastDeliveryId: v.optional(v.id("deliveries")),
    emailsSent: v.number(),
  }).index("by_conversation", ["conversationId"]),
};
