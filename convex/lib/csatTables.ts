import { defineTable } from "convex/server";
import { v } from "convex/values";

/** A workspace's CSAT prompt settings; no row means the defaults (lib/csatSettings.ts). */
export const csatTables = {
  csatSettings: defineTable({
    workspaceId: v.id("workspaces"),
    enabled: v.boolean(),
    /** Empty: the widget asks in its own words, in the visitor's language. */
    question: v.string(),
    commentPrompt: v.string(),
    /** For how many days after a conversation closes its visitor is offered the rating. */
    offerForDays: v.number(),
    updatedAt: v.number(),
  }).index("by_workspace", ["workspaceId"]),
};
