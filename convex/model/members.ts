import { getAuthSessionId, getAuthUserId } from "@convex-dev/auth/server";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";
import type { Auth } from "convex/server";
import { appError } from "../lib/errors";
import { roleAllows, type MemberRole } from "../lib/operatorRules";

type OperatorCtx = { auth: Auth; db: DatabaseReader };

export type Operator = { userId: Id<"users">; sessionId: Id<"authSessions"> };

/**
 * The signed-in operator, or UNAUTHENTICATED. The session must still exist: signing out
 * (here or everywhere) deletes it, so its tokens stop working at once, not at their expiry.
 */
export async function requireOperator(ctx: OperatorCtx): Promise<Operator> {
  const userId = await getAuthUserId(ctx);
  const sessionId = await getAuthSessionId(ctx);
  const session = sessionId === null ? null : await ctx.db.get("authSessions", sessionId);
  if (userId === null || session === null || session.userId !== userId) {
    throw appError("UNAUTHENTICATED", "Sign in to continue.");
  }
  return { userId, sessionId: session._id };
}

export type MemberAccess = Operator & { member: Doc<"members">; workspaceId: Id<"workspaces"> };

/**
 * Checks, on the server, that the signed-in operator belongs to `workspaceId` (and holds
 * `role` when given). A malformed id, an unknown workspace and someone else's all answer
 * FORBIDDEN, so nobody can probe which workspaces exist.
 */
export async function requireMember(ctx: OperatorCtx, workspaceId: string, role?: MemberRole): Promise<MemberAccess> {
  const operator = await requireOperator(ctx);
  const id = ctx.db.normalizeId("workspaces", workspaceId);
  const member =
    id === null
      ? null
      : await ctx.db
          .query("members")
          .withIndex("by_workspace_user", (q) => q.eq("workspaceId", id).eq("userId", operator.userId))
          .unique();
  if (id === null || member === null) throw appError("FORBIDDEN", "You are not a member of this workspace.");
  if (!roleAllows(member.role, role)) throw appError("FORBIDDEN", `Only a workspace ${role} can do this.`);
  return { ...operator, member, workspaceId: id };
}

/** A member of the workspace by user id, or null. */
export async function findMember(
  db: DatabaseReader,
  workspaceId: Id<"workspaces">,
  userId: Id<"users">,
): Promise<Doc<"members"> | null> {
  return await db
    .query("members")
    .withIndex("by_workspace_user", (q) => q.eq("workspaceId", workspaceId).eq("userId", userId))
    .unique();
}
