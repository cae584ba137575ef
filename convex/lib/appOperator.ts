import type { UserIdentity } from "convex/server";
import type { Id } from "../_generated/dataModel";
import { appError } from "./errors";

type AuthCtx = { auth: { getUserIdentity(): Promise<UserIdentity | null> } };

export type AppOperator = { subject: string; email: string | undefined };

/**
 * The signed-in operator acting on a workspace's apps, from Convex's own auth.
 * Convex Auth's subject is `<userId>|<sessionId>`; tokens carry the user id only,
 * so an app sees the same `sub` across the operator's sessions.
 *
 * Membership of the workspace is checked apart, by model/members.ts's
 * `requireMember` (convex/apps.ts calls it beside this).
 */
export async function requireAppOperator(ctx: AuthCtx, _workspaceId: Id<"workspaces">): Promise<AppOperator> {
  const identity = await ctx.auth.getUserIdentity();
  if (identity === null) throw appError("UNAUTHENTICATED", "Sign in to use custom apps.");
  const subject = identity.subject.split("|")[0] ?? identity.subject;
  return { subject, email: identity.email };
}
