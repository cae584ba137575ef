import { defineTable } from "convex/server";
import { v } from "convex/values";

/**
 * Files an API-key caller uploaded (POST /api/v1/files) for agent replies, spread into
 * schema.ts. A file is the workspace's until a reply sends it: then it becomes an upload
 * of that conversation's visitor (the messenger serves it like an inbox attachment) and
 * its row here is gone, so it can go out once. Unsent files expire.
 */
export const apiFileTables = {
  apiFiles: defineTable({
    workspaceId: v.id("workspaces"),
    storageId: v.id("_storage"),
    /** Cleaned (core/messages/attachments.ts cleanFileName). */
    name: v.string(),
    /** The type the bytes proved (lib/attachmentSniff.ts). */
    contentType: v.string(),
    size: v.number(),
    /** The secret part of the file's download URL once sent. */
    accessKey: v.string(),
    createdAt: v.number(),
    expiresAt: v.number(),
  }).index("by_expires_at", ["expiresAt"]),
};
