import type { AnyDataModel, GenericMutationCtx } from "convex/server";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, MutationCtx } from "../_generated/server";
import { sha256Hex } from "../lib/crypto";
import { appError } from "../lib/errors";
import { defaultOperatorName, normalizeOperatorEmail, OPERATOR_NAME_MAX } from "../lib/operatorRules";

/** An invite that can still be used, found by its link's token; null for anything else. */
export async function usableInvite(db: DatabaseReader, token: string, now: number): Promise<Doc<"invites"> | null> {
  if (token.length < 16 || token.length > 200) return null;
  const tokenHash = await sha256Hex(token);
  const invite = await db
    .query("invites")
    .withIndex("by_token_hash", (q) => q.eq("tokenHash", tokenHash))
    .unique();
  if (invite === null || invite.acceptedAt !== undefined || invite.revokedAt !== undefined || invite.expiresAt <= now) {
    return null;
  }
  return invite;
}

/**
 * Convex Auth's createOrUpdateUser for a first sign-up: the profile must carry a usable
 * invite for the same email. Creates the user, makes them a member with the invite's role
 * and uses the invite up, all in Convex Auth's own transaction (a refusal writes nothing).
 */
export async function acceptInviteForNewUser(
  anyCtx: GenericMutationCtx<AnyDataModel>,
  profile: Record<string, unknown>,
): Promise<Id<"users">> {
  const ctx = anyCtx as unknown as MutationCtx;
  const email = normalizeOperatorEmail(profile.email);
  const now = Date.now();
  const invite = typeof profile.inviteToken === "string" ? await usableInvite(ctx.db, profile.inviteToken, now) : null;
  if (invite === null || invite.email !== email) {
    throw appError("INVITE_INVALID", "Accounts are created from an invite link; ask an admin for one for this email.");
  }
  const name = typeof profile.name === "string" && profile.name !== "" ? profile.name.slice(0, OPERATOR_NAME_MAX) : defaultOperatorName(email);
  const userId = await ctx.db.insert("users", { email, name });
  await ctx.db.insert("members", { workspaceId: invite.workspaceId, userId, role: invite.role, name, createdAt: now });
  await ctx.db.patch("invites", invite._id, { acceptedAt: now });
  return userId;
}
