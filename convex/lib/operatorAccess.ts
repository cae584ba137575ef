import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { appError } from "./errors";
import type { MemberRole } from "./ticketValidators";

/**
 * The server-side gate of every operator function: a signed-in identity
 * (Convex's own auth, `ctx.auth.getUserIdentity()`) that is a member of the
 * workspace, with the role when one is asked for. Admins may do what agents do.
 *
 * UNAUTHENTICATED without an identity; FORBIDDEN for a member of another
 * workspace (or none) and for an agent doing an admin's job.
 */

export type Operator = { member: Doc<"members">; workspaceId: Id<"workspaces"> };

/** Convex Auth writes the subject as "<userId>|<sessionId>"; other providers write the user id alone. */
export function userIdOfSubject(subject: string): string {
  const bar = subject.indexOf("|");
  return bar === -1 ? subject : subject.slice(0, bar);
}

export async function requireOperator(
  ctx: Pick<QueryCtx, "auth" | "db">,
  workspaceId: Id<"workspaces">,
  role?: MemberRole,
): Promise<Operator> {
  const identity = await ctx.auth.getUserIdentity();
  if (identity === null) throw appError("UNAUTHENTICATED", "Sign in first.");
  const member = await ctx.db
    .query("members")
    .withIndex("by_workspace_user", (q) => q.eq("workspaceId", workspaceId).eq("userId", userIdOfSubject(identity.subject)))
    .unique();
  if (member === null) throw appError("FORBIDDEN", "You are not a member of this workspace.");
  if (role === "admin" && member.role !== "admin") throw appError("FORBIDDEN", "Only a workspace admin can do this.");
  return { member, workspaceId };
}
