import { defineTable } from "convex/server";
import { v } from "convex/values";

export const memberRoleValidator = v.union(v.literal("admin"), v.literal("agent"));

/**
 * Operators: people who sign in to the inbox (Convex Auth's `users`), the workspaces they
 * belong to with a role, invites by link, and internal notes on conversations.
 */
export const operatorTables = {
  members: defineTable({
    workspaceId: v.id("workspaces"),
    userId: v.id("users"),
    role: memberRoleValidator,
    /** Shown to teammates and, on replies, to visitors. */
    name: v.string(),
    createdAt: v.number(),
  })
    .index("by_user", ["userId"])
    .index("by_workspace_user", ["workspaceId", "userId"]),

  /** An invite link: whoever opens it and signs up with `email` joins with `role`. */
  invites: defineTable({
    workspaceId: v.id("workspaces"),
    email: v.string(),
    role: memberRoleValidator,
    /** SHA-256 hex of the link's token; the token itself is never stored. */
    tokenHash: v.string(),
    invitedBy: v.optional(v.id("users")),
    createdAt: v.number(),
    expiresAt: v.number(),
    acceptedAt: v.optional(v.number()),
    revokedAt: v.optional(v.number()),
  })
    .index("by_token_hash", ["tokenHash"])
    .index("by_workspace_created", ["workspaceId", "createdAt"]),

  /** Team-only notes on a conversation; a table apart from `messages`, so no visitor query can reach one. */
  conversationNotes: defineTable({
    workspaceId: v.id("workspaces"),
    conversationId: v.id("conversations"),
    authorId: v.id("users"),
    authorName: v.string(),
    body: v.string(),
    createdAt: v.number(),
  }).index("by_conversation_created", ["conversationId", "createdAt"]),
};
