import { defineTable } from "convex/server";
import { v } from "convex/values";
import { contentTypeValidator } from "./engagementValidators";

/** What the inbox's Engagement studio keeps beside the content tables. */
export const studioTables = {
  /**
   * A short-lived link that shows one item on the website whatever its status and
   * audience, recording nothing (model/previews.ts). Only the SHA-256 is kept.
   */
  previewTokens: defineTable({
    workspaceId: v.id("workspaces"),
    tokenHash: v.string(),
    contentType: contentTypeValidator,
    contentId: v.string(),
    expiresAt: v.number(),
    createdAt: v.number(),
  }).index("by_token_hash", ["tokenHash"]),
};
