import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { internalMutation } from "./_generated/server";
import { UNSENT_UPLOAD_LIFETIME_MS } from "./attachments";

/*
 * Files uploaded through the REST API (rest/files.ts checked their bytes) for agent
 * replies; model/apiFiles.ts hands them to a message. One never sent is deleted, bytes
 * and row, when it expires.
 */

export type StoredApiFile = { id: Id<"apiFiles">; name: string; contentType: string; size: number; createdAt: number; expiresAt: number };

export const record = internalMutation({
  args: { workspaceId: v.id("workspaces"), storageId: v.id("_storage"), name: v.string(), contentType: v.string(), size: v.number(), accessKey: v.string() },
  handler: async (ctx, args): Promise<StoredApiFile> => {
    const createdAt = Date.now();
    const expiresAt = createdAt + UNSENT_UPLOAD_LIFETIME_MS;
    const id = await ctx.db.insert("apiFiles", { ...args, createdAt, expiresAt });
    await ctx.scheduler.runAt(expiresAt, internal.apiFiles.expire, { id });
    return { id, name: args.name, contentType: args.contentType, size: args.size, createdAt, expiresAt };
  },
});

/** Sent files left this table when they went out; what is still here was never sent. */
export const expire = internalMutation({
  args: { id: v.id("apiFiles") },
  handler: async (ctx, args): Promise<null> => {
    const file = await ctx.db.get("apiFiles", args.id);
    if (file === null) return null;
    await ctx.storage.delete(file.storageId);
    await ctx.db.delete("apiFiles", file._id);
    return null;
  },
});
