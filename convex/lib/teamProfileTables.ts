import { defineTable } from "convex/server";
import { v } from "convex/values";

/**
 * What visitors may see of each operator beyond the name on their replies: an avatar
 * (checked like attachments, served by the file URL under its own access key) and when
 * they last replied, which puts them first among the faces on the messenger's Home.
 */
export const teamProfileTables = {
  teamProfiles: defineTable({
    workspaceId: v.id("workspaces"),
    userId: v.id("users"),
    avatar: v.optional(
      v.object({
        storageId: v.id("_storage"),
        /** The image type its bytes proved (lib/attachmentSniff.ts). */
        contentType: v.string(),
        size: v.number(),
      }),
    ),
    /** The secret part of the avatar's URL ({siteUrl}/widget/files/<key>); a new one per image. */
    avatarKey: v.optional(v.string()),
    lastRepliedAt: v.optional(v.number()),
  })
    .index("by_workspace_user", ["workspaceId", "userId"])
    .index("by_workspace_replied", ["workspaceId", "lastRepliedAt"])
    .index("by_avatar_key", ["avatarKey"]),
};
