import { defineTable } from "convex/server";
import { v } from "convex/values";

/**
 * What the inbox's Settings keep beside the workspace row: who belongs to which support
 * team, and the install checks of the Widget installation page.
 */
export const settingsTables = {
  /** One row per (team, member); a member may belong to several teams. */
  supportTeamMembers: defineTable({
    workspaceId: v.id("workspaces"),
    teamId: v.id("supportTeams"),
    userId: v.id("users"),
    addedAt: v.number(),
  })
    .index("by_team_user", ["teamId", "userId"])
    .index("by_workspace_user", ["workspaceId", "userId"]),

  /**
   * An onboarding verification token: only its SHA-256 is kept. The first widget that boots
   * with the token before `expiresAt` marks it verified, with the page's origin and the
   * tag's client identifier.
   */
  installationChecks: defineTable({
    workspaceId: v.id("workspaces"),
    tokenHash: v.string(),
    issuedBy: v.id("users"),
    issuedAt: v.number(),
    expiresAt: v.number(),
    verifiedAt: v.optional(v.number()),
    origin: v.optional(v.string()),
    clientIdentifier: v.optional(v.string()),
  })
    .index("by_token_hash", ["tokenHash"])
    .index("by_workspace_issued", ["workspaceId", "issuedAt"]),
};
