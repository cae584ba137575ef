import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { action, internalMutation, mutation, query } from "./_generated/server";
import { randomBytes, sha256Hex, toBase64Url } from "./lib/crypto";
import { appError } from "./lib/errors";
import { memberRoleValidator } from "./lib/operatorTables";
import { INVITE_LIFETIME_MS, normalizeOperatorEmail, type MemberRole } from "./lib/operatorRules";
import { requireMember } from "./model/members";
import { usableInvite } from "./model/invites";

/*
 * Invites by link. An admin creates one for an email and a role and gets the link's token
 * once (only its hash is stored); the invited person opens the link in the inbox and signs
 * up with that email (auth.ts consumes the invite). No email is sent.
 */

export type CreatedInvite = { inviteId: Id<"invites">; token: string; expiresAt: number };

/** An action, because the token needs true randomness (queries and mutations are deterministic on Convex). */
export const create = action({
  args: { workspaceId: v.string(), email: v.string(), role: memberRoleValidator },
  handler: async (ctx, args): Promise<CreatedInvite> => {
    const token = toBase64Url(randomBytes(32));
    const { inviteId, expiresAt } = await ctx.runMutation(internal.invites.insert, {
      workspaceId: args.workspaceId,
      email: args.email,
      role: args.role,
      tokenHash: await sha256Hex(token),
    });
    return { inviteId, token, expiresAt };
  },
});

/** Runs with the caller's identity (actions pass it on), so the admin check is the caller's. */
export const insert = internalMutation({
  args: { workspaceId: v.string(), email: v.string(), role: memberRoleValidator, tokenHash: v.string() },
  handler: async (ctx, args): Promise<{ inviteId: Id<"invites">; expiresAt: number }> => {
    const access = await requireMember(ctx, args.workspaceId, "admin");
    const now = Date.now();
    const expiresAt = now + INVITE_LIFETIME_MS;
    const inviteId = await ctx.db.insert("invites", {
      workspaceId: access.workspaceId,
      email: normalizeOperatorEmail(args.email),
      role: args.role,
      tokenHash: args.tokenHash,
      invitedBy: access.userId,
      createdAt: now,
      expiresAt,
    });
    return { inviteId, expiresAt };
  },
});

export type PendingInvite = { _id: Id<"invites">; email: string; role: MemberRole; createdAt: number; expiresAt: number };

/** Invites not yet used, revoked or expired; admins only. */
export const listPending = query({
  args: { workspaceId: v.string() },
  handler: async (ctx, args): Promise<PendingInvite[]> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    const now = Date.now();
    const invites = await ctx.db
      .query("invites")
      .withIndex("by_workspace_created", (q) => q.eq("workspaceId", workspaceId))
      .order("desc")
      .take(200);
    return invites
      .filter((invite) => invite.acceptedAt === undefined && invite.revokedAt === undefined && invite.expiresAt > now)
      .map(({ _id, email, role, createdAt, expiresAt }) => ({ _id, email, role, createdAt, expiresAt }));
  },
});

export const revoke = mutation({
  args: { workspaceId: v.string(), inviteId: v.string() },
  handler: async (ctx, args): Promise<null> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    const id = ctx.db.normalizeId("invites", args.inviteId);
    const invite = id === null ? null : await ctx.db.get("invites", id);
    if (invite === null || invite.workspaceId !== workspaceId) throw appError("NOT_FOUND", "Invite not found.");
    if (invite.revokedAt === undefined) await ctx.db.patch("invites", invite._id, { revokedAt: Date.now() });
    return null;
  },
});

/** What the invite page shows before sign-up; the token is the secret, so no sign-in is needed. */
export const preview = query({
  args: { token: v.string() },
  handler: async (ctx, args): Promise<{ workspaceName: string; email: string; role: MemberRole } | null> => {
    const invite = await usableInvite(ctx.db, args.token, Date.now());
    if (invite === null) return null;
    const workspace = await ctx.db.get("workspaces", invite.workspaceId);
    return workspace === null ? null : { workspaceName: workspace.name, email: invite.email, role: invite.role };
  },
});
