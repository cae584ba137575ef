import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import type { MemberRole } from "../lib/operatorRules";
import { requireMember } from "./members";

/**
 * The gate of every ticket function: the signed-in operator's live session, membership of
 * the workspace and the role when one is asked for (model/members.ts checks them all).
 * UNAUTHENTICATED without a session; FORBIDDEN for another workspace or an agent doing an
 * admin's job.
 */
export type Operator = { member: Doc<"members">; workspaceId: Id<"workspaces"> };

export async function requireOperator(
  ctx: Pick<QueryCtx, "auth" | "db">,
  workspaceId: Id<"workspaces">,
  role?: MemberRole,
): Promise<Operator> {
  const access = await requireMember(ctx, workspaceId, role);
  return { member: access.member, workspaceId: access.workspaceId };
}
