import { v, type ObjectType, type PropertyValidators } from "convex/values";
import { mutation, query, type MutationCtx, type QueryCtx } from "../_generated/server";
import { authenticateSession, type VisitorAuth } from "./sessions";

/**
 * Builders for widget-facing functions (a hand-written, smaller take on
 * convex-helpers' customQuery/customMutation): each adds a `sessionToken`
 * argument, resolves it once, and hands the handler `{visitor, workspace,
 * session}` on ctx. A handler never sees the token itself.
 */

export type VisitorQueryCtx = QueryCtx & VisitorAuth;
export type VisitorMutationCtx = MutationCtx & VisitorAuth;

const sessionTokenArg = { sessionToken: v.string() };

export function visitorQuery<Args extends PropertyValidators, Result>(definition: {
  args: Args;
  handler: (ctx: VisitorQueryCtx, args: ObjectType<Args>) => Promise<Result>;
}) {
  return query({
    args: { ...definition.args, ...sessionTokenArg },
    handler: async (ctx, allArgs): Promise<Result> => {
      const { sessionToken, ...args } = allArgs;
      const auth = await authenticateSession(ctx.db, sessionToken, Date.now());
      return await definition.handler({ ...ctx, ...auth }, args as ObjectType<Args>);
    },
  });
}

export function visitorMutation<Args extends PropertyValidators, Result>(definition: {
  args: Args;
  handler: (ctx: VisitorMutationCtx, args: ObjectType<Args>) => Promise<Result>;
}) {
  return mutation({
    args: { ...definition.args, ...sessionTokenArg },
    handler: async (ctx, allArgs): Promise<Result> => {
      const { sessionToken, ...args } = allArgs;
      const auth = await authenticateSession(ctx.db, sessionToken, Date.now());
      return await definition.handler({ ...ctx, ...auth }, args as ObjectType<Args>);
    },
  });
}
