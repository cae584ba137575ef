import { v } from "convex/values";
import { internal } from "./_generated/api";
import { action, internalMutation } from "./_generated/server";
import { UPLOAD_GRANT_LIFETIME_MS, type SavedUpload } from "./files";
import { saveOwnedFile } from "./attachments";
import { UPLOAD_PATH } from "./lib/attachmentPaths";
import { randomBytes, sha256Hex, toBase64Url } from "./lib/crypto";
import { invalidArgument } from "./lib/errors";
import { siteUrl } from "./lib/siteUrl";
import { requireWorkspaceConversation } from "./model/inbox";
import { requireMember } from "./model/members";
import { enforceRateLimit } from "./model/rateLimits";

/*
 * Operators' attachments, through the same path and checks as visitors' (files.ts):
 * a one-time upload URL for a conversation, the bytes to the upload HTTP action (which
 * decides the type from them), then saveUpload names the file. inboxMessages:reply sends
 * it. The file belongs to the operator and the conversation's visitor together: only
 * that operator can save and send it, and the visitor can never claim it as theirs.
 */

export const generateUploadUrl = action({
  args: { workspaceId: v.string(), conversationId: v.string() },
  handler: async (ctx, args): Promise<{ uploadUrl: string }> => {
    const grant = toBase64Url(randomBytes(32));
    await ctx.runMutation(internal.inboxFiles.storeGrant, {
      ...args,
      grantHash: await sha256Hex(grant),
      expiresAt: Date.now() + UPLOAD_GRANT_LIFETIME_MS,
    });
    return { uploadUrl: `${siteUrl()}${UPLOAD_PATH}${grant}` };
  },
});

/** Runs with the caller's identity (actions pass it on): the membership check is the caller's. */
export const storeGrant = internalMutation({
  args: { workspaceId: v.string(), conversationId: v.string(), grantHash: v.string(), expiresAt: v.number() },
  handler: async (ctx, args): Promise<null> => {
    const { workspaceId, userId } = await requireMember(ctx, args.workspaceId);
    const conversation = await requireWorkspaceConversation(ctx.db, workspaceId, args.conversationId);
    await enforceRateLimit(ctx, "messageSustained", `upload:${userId}`);
    await ctx.db.insert("uploadGrants", {
      workspaceId,
      visitorId: conversation.visitorId,
      operatorUserId: userId,
      grantHash: args.grantHash,
      expiresAt: args.expiresAt,
    });
    return null;
  },
});

export const saveUpload = action({
  args: { workspaceId: v.string(), conversationId: v.string(), storageId: v.string(), name: v.string() },
  handler: async (ctx, args): Promise<SavedUpload> => {
    const saved = await ctx.runMutation(internal.inboxFiles.saveFile, args);
    if ("refused" in saved) throw invalidArgument("file", saved.refused);
    return saved;
  },
});

export const saveFile = internalMutation({
  args: { workspaceId: v.string(), conversationId: v.string(), storageId: v.string(), name: v.string() },
  handler: async (ctx, args): Promise<SavedUpload | { refused: string }> => {
    const { workspaceId, userId } = await requireMember(ctx, args.workspaceId);
    const conversation = await requireWorkspaceConversation(ctx.db, workspaceId, args.conversationId);
    return await saveOwnedFile(ctx, { visitorId: conversation.visitorId, operatorUserId: userId }, args.storageId, args.name);
  },
});
