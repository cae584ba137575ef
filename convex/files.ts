import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { action, internalMutation, internalQuery } from "./_generated/server";
import {
  attachmentProblem,
  cleanFileName,
  hasTextName,
  isPlainText,
  sniffContentType,
} from "../core/messages/attachments";
import { appError, invalidArgument } from "./lib/errors";
import { visitorMutation } from "./model/visitorFunctions";
import { authenticateSession } from "./model/sessions";
import { enforceRateLimit } from "./model/rateLimits";

/*
 * Attachments. The widget asks for an upload URL, uploads the file to Convex
 * storage, then calls `saveUpload`, which reads the stored bytes, decides the
 * type from them (never from the client's word), enforces the limits
 * (images png/jpeg/gif/webp ≤ 5 MB, pdf/txt ≤ 10 MB) and records the upload
 * for this visitor. A refused file is deleted. `messages:send` then attaches
 * uploads by id. Uploads never sent are deleted after a day.
 */

const UNSENT_UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Bytes read to sniff the type; text files are read whole to check they are text. */
const SNIFF_BYTES = 16;

/** The type the bytes say, or null when it is not an allowed one. Text is read whole only when its size is allowed. */
async function realType(blob: Blob, name: string): Promise<string | null> {
  const binary = sniffContentType(new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (binary !== null || !hasTextName(name) || attachmentProblem("text/plain", blob.size) !== null) return binary;
  return isPlainText(new Uint8Array(await blob.arrayBuffer())) ? "text/plain" : null;
}

export type SavedUpload = { uploadId: Id<"uploads">; name: string; contentType: string; size: number };

export const generateUploadUrl = visitorMutation({
  args: {},
  handler: async (ctx): Promise<{ uploadUrl: string }> => {
    // Its own bucket key: uploads never eat into the visitor's message allowance.
    await enforceRateLimit(ctx, "messageSustained", `upload:${ctx.visitor._id}`);
    return { uploadUrl: await ctx.storage.generateUploadUrl() };
  },
});

export const sessionVisitor = internalQuery({
  args: { sessionToken: v.string() },
  handler: async (ctx, args): Promise<{ visitorId: Id<"visitors">; workspaceId: Id<"workspaces"> }> => {
    const { visitor } = await authenticateSession(ctx.db, args.sessionToken, Date.now());
    return { visitorId: visitor._id, workspaceId: visitor.workspaceId };
  },
});

export const saveUpload = action({
  args: { sessionToken: v.string(), storageId: v.string(), name: v.string() },
  handler: async (ctx, args): Promise<SavedUpload> => {
    const owner = await ctx.runQuery(internal.files.sessionVisitor, { sessionToken: args.sessionToken });
    const storageId = args.storageId as Id<"_storage">;
    let blob: Blob | null;
    try {
      blob = await ctx.storage.get(storageId);
    } catch {
      blob = null;
    }
    if (blob === null) throw appError("NOT_FOUND", "No such uploaded file.", "storageId");
    const name = cleanFileName(args.name);
    const type = await realType(blob, name);
    const problem = type === null ? { reason: "type" as const } : attachmentProblem(type, blob.size);
    if (type === null || problem !== null) {
      await ctx.storage.delete(storageId);
      const message =
        problem?.reason === "size"
          ? `The file is larger than ${Math.round(problem.maxBytes / (1024 * 1024))} MB.`
          : problem?.reason === "empty"
            ? "The file is empty."
            : "Only PNG, JPEG, GIF and WebP images, PDF and plain text files can be attached.";
      throw invalidArgument("file", message);
    }
    const uploadId = await ctx.runMutation(internal.files.recordUpload, {
      ...owner,
      storageId,
      name,
      contentType: type,
      size: blob.size,
    });
    return { uploadId, name, contentType: type, size: blob.size };
  },
});

export const recordUpload = internalMutation({
  args: {
    visitorId: v.id("visitors"),
    workspaceId: v.id("workspaces"),
    storageId: v.id("_storage"),
    name: v.string(),
    contentType: v.string(),
    size: v.number(),
  },
  handler: async (ctx, args): Promise<Id<"uploads">> => {
    const claimed = await ctx.db
      .query("uploads")
      .withIndex("by_storage", (q) => q.eq("attachment.storageId", args.storageId))
      .first();
    if (claimed !== null) throw appError("CONFLICT", "This file was saved already.", "storageId");
    const { visitorId, workspaceId, ...attachment } = args;
    const uploadId = await ctx.db.insert("uploads", { visitorId, workspaceId, attachment, createdAt: Date.now() });
    await ctx.scheduler.runAfter(UNSENT_UPLOAD_LIFETIME_MS, internal.files.expireUnsent, { uploadId });
    return uploadId;
  },
});

export const expireUnsent = internalMutation({
  args: { uploadId: v.id("uploads") },
  handler: async (ctx, args): Promise<null> => {
    const upload = await ctx.db.get(args.uploadId);
    if (upload === null || upload.messageId !== undefined) return null;
    await ctx.storage.delete(upload.attachment.storageId);
    await ctx.db.delete(upload._id);
    return null;
  },
});
