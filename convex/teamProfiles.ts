import { v } from "convex/values";
import { internal } from "./_generated/api";
import { action, internalMutation, internalQuery, mutation, query } from "./_generated/server";
import { randomBytes, toBase64Url } from "./lib/crypto";
import { invalidArgument } from "./lib/errors";
import { siteUrl } from "./lib/siteUrl";
import { avatarUrl, checkAvatar } from "./lib/teamFaces";
import { requireMember } from "./model/members";
import { findTeamProfile, patchTeamProfile } from "./model/teamProfiles";

/*
 * An operator's face for visitors: the avatar the messenger's Home (and their replies) show,
 * set by the operator on Settings → Your account. Each operator sets only their own, in a
 * workspace they belong to.
 */

export type MyTeamProfile = { name: string; avatarUrl: string | null };

export const mine = query({
  args: { workspaceId: v.string() },
  handler: async (ctx, args): Promise<MyTeamProfile> => {
    const { workspaceId, userId, member } = await requireMember(ctx, args.workspaceId);
    const profile = await findTeamProfile(ctx.db, workspaceId, userId);
    return { name: member.name, avatarUrl: profile?.avatarKey !== undefined ? avatarUrl(siteUrl(), profile.avatarKey) : null };
  },
});

/**
 * The image's bytes (PNG, JPEG, GIF or WebP by the bytes, at most 1 MB, no markup inside;
 * the attachments' checks). Stored with the type the bytes proved; the previous avatar is
 * deleted. A refused image is never stored.
 */
export const setAvatar = action({
  args: { workspaceId: v.string(), image: v.bytes() },
  handler: async (ctx, args): Promise<{ avatarUrl: string }> => {
    // Membership first: nothing is stored for someone who may not set it.
    await ctx.runQuery(internal.teamProfiles.checkMember, { workspaceId: args.workspaceId });
    const bytes = new Uint8Array(args.image);
    const checked = checkAvatar(bytes);
    if (!checked.ok) throw invalidArgument("image", checked.message);
    const { contentType } = checked;
    const storageId = await ctx.storage.store(new Blob([bytes], { type: contentType }));
    const avatarKey = toBase64Url(randomBytes(32));
    try {
      await ctx.runMutation(internal.teamProfiles.saveAvatar, { workspaceId: args.workspaceId, storageId, contentType, size: bytes.length, avatarKey });
    } catch (error) {
      await ctx.storage.delete(storageId);
      throw error;
    }
    return { avatarUrl: avatarUrl(siteUrl(), avatarKey) };
  },
});

/** Runs with the caller's identity (actions pass it on). */
export const checkMember = internalQuery({
  args: { workspaceId: v.string() },
  handler: async (ctx, args): Promise<null> => {
    await requireMember(ctx, args.workspaceId);
    return null;
  },
});

export const saveAvatar = internalMutation({
  args: { workspaceId: v.string(), storageId: v.id("_storage"), contentType: v.string(), size: v.number(), avatarKey: v.string() },
  handler: async (ctx, args): Promise<null> => {
    const { workspaceId, userId } = await requireMember(ctx, args.workspaceId);
    const previous = await patchTeamProfile(ctx.db, workspaceId, userId, {
      avatar: { storageId: args.storageId, contentType: args.contentType, size: args.size },
      avatarKey: args.avatarKey,
    });
    if (previous?.avatar !== undefined) await ctx.storage.delete(previous.avatar.storageId);
    return null;
  },
});

/** Back to initials: the image is deleted and its URL stops working. */
export const removeAvatar = mutation({
  args: { workspaceId: v.string() },
  handler: async (ctx, args): Promise<null> => {
    const { workspaceId, userId } = await requireMember(ctx, args.workspaceId);
    const profile = await findTeamProfile(ctx.db, workspaceId, userId);
    if (profile?.avatar === undefined) return null;
    await ctx.db.patch("teamProfiles", profile._id, { avatar: undefined, avatarKey: undefined });
    await ctx.storage.delete(profile.avatar.storageId);
    return null;
  },
});
