import { getAuthUserId, invalidateSessions } from "@convex-dev/auth/server";
import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import { action, internalQuery, mutation, query } from "./_generated/server";
import { appError } from "./lib/errors";
import { memberRoleValidator } from "./lib/operatorTables";
import type { MemberRole } from "./lib/operatorRules";
import { requireMember, requireOperator } from "./model/members";

/* Who is signed in, the workspace's team, and what admins change about it. */

export type OperatorProfile = {
  userId: Id<"users">;
  email: string | null;
  workspaces: Array<{ workspaceId: Id<"workspaces">; name: string; role: MemberRole; memberName: string }>;
};

/** The signed-in operator and their workspaces; null when not signed in. */
export const me = query({
  args: {},
  handler: async (ctx): Promise<OperatorProfile | null> => {
    const operator = await requireOperator(ctx).catch(() => null);
    if (operator === null) return null;
    const user = await ctx.db.get("users", operator.userId);
    const memberships = await ctx.db
      .query("members")
      .withIndex("by_user", (q) => q.eq("userId", operator.userId))
      .collect();
    const workspaces = [];
    for (const member of memberships) {
      const workspace = await ctx.db.get("workspaces", member.workspaceId);
      if (workspace !== null) {
        workspaces.push({ workspaceId: workspace._id, name: workspace.name, role: member.role, memberName: member.name });
      }
    }
    return { userId: operator.userId, email: user?.email ?? null, workspaces };
  },
});

export type TeamMember = { userId: Id<"users">; memberId: Id<"members">; name: string; email: string | null; role: MemberRole };

export const list = query({
  args: { workspaceId: v.string() },
  handler: async (ctx, args): Promise<TeamMember[]> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    const members = await ctx.db
      .query("members")
      .withIndex("by_workspace_user", (q) => q.eq("workspaceId", workspaceId))
      .collect();
    return await Promise.all(
      members.map(async (member) => ({
        userId: member.userId,
        memberId: member._id,
        name: member.name,
        email: (await ctx.db.get("users", member.userId))?.email ?? null,
        role: member.role,
      })),
    );
  },
});

/** Admins change roles; the last admin cannot step down, or nobody could manage the team. */
export const setRole = mutation({
  args: { workspaceId: v.string(), userId: v.string(), role: memberRoleValidator },
  handler: async (ctx, args): Promise<null> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    const userId = ctx.db.normalizeId("users", args.userId);
    const target =
      userId === null
        ? null
        : await ctx.db
            .query("members")
            .withIndex("by_workspace_user", (q) => q.eq("workspaceId", workspaceId).eq("userId", userId))
            .unique();
    if (target === null) throw appError("NOT_FOUND", "Member not found.");
    if (target.role === "admin" && args.role !== "admin") {
      const admins = (
        await ctx.db
          .query("members")
          .withIndex("by_workspace_user", (q) => q.eq("workspaceId", workspaceId))
          .collect()
      ).filter((member) => member.role === "admin");
      if (admins.length <= 1) throw appError("CONFLICT", "A workspace needs at least one admin.");
    }
    await ctx.db.patch("members", target._id, { role: args.role });
    return null;
  },
});

/** Ends every session of the signed-in operator, on every device, this one included. */
export const signOutEverywhere = action({
  args: {},
  handler: async (ctx): Promise<null> => {
    const userId = await getAuthUserId(ctx);
    if (userId === null) throw appError("UNAUTHENTICATED", "Sign in to continue.");
    // Convex Auth types its helpers against a generic data model, which optional fields under
    // exactOptionalPropertyTypes do not satisfy; the context is the same object.
    await invalidateSessions(ctx as unknown as Parameters<typeof invalidateSessions>[0], { userId: userId as Id<"users"> });
    return null;
  },
});

/**
 * For admin actions (which have no db to check with): the workspace and the
 * admin as the audit log's actor, or FORBIDDEN / UNAUTHENTICATED.
 */
export const requireAdmin = internalQuery({
  args: { workspaceId: v.string() },
  handler: async (ctx, args) => {
    const { workspaceId, userId, member } = await requireMember(ctx, args.workspaceId, "admin");
    return { workspaceId, actor: { type: "operator" as const, id: userId, label: member.name } };
  },
});
