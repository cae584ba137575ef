import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import { internalMutation, internalQuery } from "./_generated/server";
import { cleanFileName, hasTextName } from "../core/messages/attachments";
import { pendingFileFields } from "./lib/attachmentTables";
import { appError } from "./lib/errors";
import { inboxOrigins } from "./lib/siteUrl";
import type { UploadOwner } from "./model/uploads";
import type { SavedUpload } from "./files";

/*
 * The internal side of attachments: upload grants, files waiting to be saved,
 * saved uploads, what the download action may serve, and their expiry.
 */

/** A stored file its owner has not saved (files:saveUpload) within this time is deleted. */
export const PENDING_FILE_LIFETIME_MS = 60 * 60_000;
/** A saved upload never sent on a message is deleted after this time. */
export const UNSENT_UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;
const SWEEP_BATCH = 200;

export const storeGrant = internalMutation({
  args: {
    workspaceId: v.id("workspaces"),
    visitorId: v.id("visitors"),
    operatorUserId: v.optional(v.id("users")),
    grantHash: v.string(),
    expiresAt: v.number(),
  },
  handler: async (ctx, args): Promise<null> => {
    await ctx.db.insert("uploadGrants", args);
    return null;
  },
});

export type GrantHolder = {
  workspaceId: Id<"workspaces">;
  visitorId: Id<"visitors">;
  operatorUserId?: Id<"users">;
  allowedOrigins: string[];
};

async function liveGrant(
  ctx: { db: import("./_generated/server").DatabaseReader },
  grantHash: string,
): Promise<{ grant: Doc<"uploadGrants">; holder: GrantHolder } | null> {
  const grant = await ctx.db
    .query("uploadGrants")
    .withIndex("by_grant_hash", (q) => q.eq("grantHash", grantHash))
    .unique();
  if (grant === null || grant.expiresAt <= Date.now()) return null;
  const workspace = await ctx.db.get("workspaces", grant.workspaceId);
  if (workspace === null) return null;
  // A visitor uploads from the workspace's sites, an operator from the inbox.
  const holder: GrantHolder =
    grant.operatorUserId === undefined
      ? { workspaceId: grant.workspaceId, visitorId: grant.visitorId, allowedOrigins: workspace.allowedOrigins }
      : { workspaceId: grant.workspaceId, visitorId: grant.visitorId, operatorUserId: grant.operatorUserId, allowedOrigins: inboxOrigins() };
  return { grant, holder };
}

/** For CORS preflight: who holds a grant, without using it. */
export const peekGrant = internalQuery({
  args: { grantHash: v.string() },
  handler: async (ctx, args): Promise<GrantHolder | null> => (await liveGrant(ctx, args.grantHash))?.holder ?? null,
});

/** Uses a grant up: an upload URL stores one file at most. */
export const consumeGrant = internalMutation({
  args: { grantHash: v.string() },
  handler: async (ctx, args): Promise<GrantHolder | null> => {
    const found = await liveGrant(ctx, args.grantHash);
    if (found === null) return null;
    await ctx.db.delete("uploadGrants", found.grant._id);
    return found.holder;
  },
});

export const recordPending = internalMutation({
  args: pendingFileFields,
  handler: async (ctx, args): Promise<null> => {
    const expiresAt = Date.now() + PENDING_FILE_LIFETIME_MS;
    const pendingId = await ctx.db.insert("pendingFiles", { ...args, expiresAt });
    await ctx.scheduler.runAfter(PENDING_FILE_LIFETIME_MS, internal.attachments.expirePending, { pendingId });
    return null;
  },
});

/**
 * Names a file the visitor uploaded and records it as their upload. A storage id
 * the visitor did not upload is NOT_FOUND, whoever it belongs to (an operator's
 * file in their conversation included), and nothing of it is touched.
 */
export const savePending = internalMutation({
  args: { visitorId: v.id("visitors"), storageId: v.string(), name: v.string() },
  handler: async (ctx, args): Promise<SavedUpload | { refused: string }> =>
    await saveOwnedFile(ctx, { visitorId: args.visitorId }, args.storageId, args.name),
});

const ownedBy = (row: { visitorId: Id<"visitors">; operatorUserId?: Id<"users"> }, owner: UploadOwner) =>
  row.visitorId === owner.visitorId && row.operatorUserId === owner.operatorUserId;

/**
 * Records a pending file as its owner's upload under a clean name. Text is accepted only
 * under a `.txt` name: refused files are deleted and the refusal returned, not thrown (a
 * throw would roll the deletion back; the calling action throws).
 */
export async function saveOwnedFile(
  ctx: { db: import("./_generated/server").DatabaseWriter; storage: import("convex/server").StorageWriter; scheduler: import("convex/server").Scheduler },
  owner: UploadOwner,
  rawStorageId: string,
  rawName: string,
): Promise<SavedUpload | { refused: string }> {
  const notFound = () => appError("NOT_FOUND", "No such uploaded file.", "storageId");
  const storageId = ctx.db.system.normalizeId("_storage", rawStorageId);
  if (storageId === null) throw notFound();
  const pending = await ctx.db
    .query("pendingFiles")
    .withIndex("by_storage", (q) => q.eq("storageId", storageId))
    .unique();
  if (pending === null || !ownedBy(pending, owner)) {
    const saved = await ctx.db
      .query("uploads")
      .withIndex("by_storage", (q) => q.eq("attachment.storageId", storageId))
      .first();
    if (saved !== null && ownedBy(saved, owner)) throw appError("CONFLICT", "This file was saved already.", "storageId");
    throw notFound();
  }
  const name = cleanFileName(rawName);
  if (pending.contentType === "text/plain" && !hasTextName(name)) {
    await deletePending(ctx, pending);
    return { refused: "Only PNG, JPEG, GIF and WebP images, PDF and plain text (.txt) files can be attached." };
  }
  const attachment = { storageId, name, contentType: pending.contentType, size: pending.size };
  const uploadId = await ctx.db.insert("uploads", {
    workspaceId: pending.workspaceId,
    visitorId: pending.visitorId,
    ...(pending.operatorUserId !== undefined ? { operatorUserId: pending.operatorUserId } : {}),
    attachment,
    accessKey: pending.accessKey,
    createdAt: Date.now(),
  });
  await ctx.db.delete("pendingFiles", pending._id);
  await ctx.scheduler.runAfter(UNSENT_UPLOAD_LIFETIME_MS, internal.attachments.expireUnsent, { uploadId });
  return { uploadId, name, contentType: attachment.contentType, size: attachment.size };
}

async function deletePending(ctx: { db: import("./_generated/server").DatabaseWriter; storage: import("convex/server").StorageWriter }, pending: Doc<"pendingFiles">) {
  await ctx.storage.delete(pending.storageId);
  await ctx.db.delete("pendingFiles", pending._id);
}

export const expirePending = internalMutation({
  args: { pendingId: v.id("pendingFiles") },
  handler: async (ctx, args): Promise<null> => {
    const pending = await ctx.db.get("pendingFiles", args.pendingId);
    if (pending !== null) await deletePending(ctx, pending);
    return null;
  },
});

export const expireUnsent = internalMutation({
  args: { uploadId: v.id("uploads") },
  handler: async (ctx, args): Promise<null> => {
    const upload = await ctx.db.get("uploads", args.uploadId);
    if (upload === null || upload.messageId !== undefined) return null;
    await ctx.storage.delete(upload.attachment.storageId);
    await ctx.db.delete("uploads", upload._id);
    return null;
  },
});

/**
 * Safety net behind the scheduled expiries (crons.ts): deletes expired grants and
 * pending files a batch at a time, rescheduling itself while a batch was full.
 */
export const sweepExpired = internalMutation({
  args: {},
  handler: async (ctx): Promise<number> => {
    const now = Date.now();
    const grants = await ctx.db.query("uploadGrants").withIndex("by_expires_at", (q) => q.lt("expiresAt", now)).take(SWEEP_BATCH);
    for (const grant of grants) await ctx.db.delete("uploadGrants", grant._id);
    const files = await ctx.db.query("pendingFiles").withIndex("by_expires_at", (q) => q.lt("expiresAt", now)).take(SWEEP_BATCH);
    for (const pending of files) await deletePending(ctx, pending);
    if (grants.length === SWEEP_BATCH || files.length === SWEEP_BATCH) {
      await ctx.scheduler.runAfter(0, internal.attachments.sweepExpired, {});
    }
    return grants.length + files.length;
  },
});

export const recordArticleImage = internalMutation({
  args: { workspaceId: v.id("workspaces"), storageId: v.id("_storage"), contentType: v.string(), size: v.number(), accessKey: v.string() },
  handler: async (ctx, args): Promise<null> => {
    await ctx.db.insert("articleImages", { ...args, createdAt: Date.now() });
    return null;
  },
});

export type ServableFile = { storageId: Id<"_storage">; name: string; contentType: string };

/**
 * What the download action may serve for an access key: a saved upload that went
 * out on a message still in its conversation or on a ticket reply, a help-center image,
 * or an operator's avatar (teamProfiles.ts). Anything
 * else is null (a 404).
 */
export const servableFile = internalQuery({
  args: { accessKey: v.string() },
  handler: async (ctx, args): Promise<ServableFile | null> => {
    const upload = await ctx.db
      .query("uploads")
      .withIndex("by_access_key", (q) => q.eq("accessKey", args.accessKey))
      .unique();
    if (upload === null) {
      const image = await ctx.db
        .query("articleImages")
        .withIndex("by_access_key", (q) => q.eq("accessKey", args.accessKey))
        .unique();
      if (image !== null) return { storageId: image.storageId, name: "image", contentType: image.contentType };
      const profile = await ctx.db
        .query("teamProfiles")
        .withIndex("by_avatar_key", (q) => q.eq("avatarKey", args.accessKey))
        .unique();
      return profile?.avatar === undefined ? null : { storageId: profile.avatar.storageId, name: "avatar", contentType: profile.avatar.contentType };
    }
    if (upload.ticketReplyId !== undefined) {
      const reply = await ctx.db.get("ticketReplies", upload.ticketReplyId);
      if (reply === null || reply.workspaceId !== upload.workspaceId) return null;
      return { storageId: upload.attachment.storageId, name: upload.attachment.name, contentType: upload.attachment.contentType };
    }
    if (upload.messageId === undefined) return null;
    const message = await ctx.db.get("messages", upload.messageId);
    if (message === null || message.workspaceId !== upload.workspaceId) return null;
    return { storageId: upload.attachment.storageId, name: upload.attachment.name, contentType: upload.attachment.contentType };
  },
});
