import { defineTable } from "convex/server";
import { v } from "convex/values";

/**
 * Tables of the attachment upload path (see files.ts and attachmentsHttp.ts),
 * spread into schema.ts. Their rows live minutes; crons.ts sweeps what is left.
 */
/** A checked upload waiting for its owner, as the upload action records it. */
export const pendingFileFields = {
  workspaceId: v.id("workspaces"),
  visitorId: v.id("visitors"),
  /** The operator who uploaded it, for an operator's file (see uploadGrants). */
  operatorUserId: v.optional(v.id("users")),
  storageId: v.id("_storage"),
  /** The type the bytes proved (lib/attachmentSniff.ts). */
  contentType: v.string(),
  size: v.number(),
  /** The secret part of the file's download URL, minted with the upload. */
  accessKey: v.string(),
};

export const attachmentTables = {
  /** One-time permissions to upload one file, minted by files:generateUploadUrl for a visitor. */
  uploadGrants: defineTable({
    workspaceId: v.id("workspaces"),
    visitorId: v.id("visitors"),
    /**
     * Set when an operator asked for the grant (inboxFiles:generateUploadUrl): the file is
     * theirs to save and send in a conversation with `visitorId`, never the visitor's to claim.
     */
    operatorUserId: v.optional(v.id("users")),
    /** SHA-256 hex of the grant in the upload URL; the grant itself is never stored. */
    grantHash: v.string(),
    expiresAt: v.number(),
  })
    .index("by_grant_hash", ["grantHash"])
    .index("by_expires_at", ["expiresAt"]),

  /** Files received and checked by the upload action, waiting for their owner's files:saveUpload. */
  pendingFiles: defineTable({ ...pendingFileFields, expiresAt: v.number() })
    .index("by_storage", ["storageId"])
    .index("by_expires_at", ["expiresAt"]),

  /** Images for help-center articles, uploaded by operators (POST /api/v1/articles/images); public once linked. */
  articleImages: defineTable({
    workspaceId: v.id("workspaces"),
    storageId: v.id("_storage"),
    contentType: v.string(),
    size: v.number(),
    accessKey: v.string(),
    createdAt: v.number(),
  }).index("by_access_key", ["accessKey"]),
};
