import { paginationOptsValidator, type PaginationResult } from "convex/server";
import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import { internalQuery } from "./_generated/server";
import { apiVisitor, type ApiVisitor } from "./lib/visitorViews";
import { findInWorkspace } from "./model/engagement";
import { appError } from "./lib/errors";
import { resolveIdentity } from "./lib/identity";
import { identityPolicy } from "./lib/identitySecrets";
import { checkAttributes, checkUserFields } from "./lib/inputRules";
import { userInputValidator } from "./lib/validators";
import { visitorMutation } from "./model/visitorFunctions";
import { assertSameUser, findVerifiedVisitor, identifyVisitor } from "./model/visitors";
import { enforceRateLimit } from "./model/rateLimits";
import { linkVisitorCompany } from "./model/companies";
import { emitWebhookEvent } from "./outgoing/webhookEvents";

export type IdentifyResult = { visitorId: Id<"visitors">; identified: boolean; verified: boolean };

/**
 * Links the session's visitor to a known user of the host site, verified when
 * a valid `userHash` or `userJwt` comes with it (lib/identity.ts).
 *
 * Refusals the widget acts on:
 * - IDENTITY_VERIFICATION_FAILED: a bad signature, or no signature in `required` mode.
 * - IDENTITY_CHANGED: the visitor already belongs to another user, or the
 *   verified user already has a visitor elsewhere. Either way the widget logs
 *   out and boots again with the user, which lands on the right visitor.
 */
export const identify = visitorMutation({
  args: { user: userInputValidator },
  handler: async (ctx, { user }): Promise<IdentifyResult> => {
    await enforceRateLimit(ctx, "identify", ctx.visitor._id);
    checkUserFields(user);
    checkAttributes(user.customAttributes, "user.customAttributes");
    const now = Date.now();
    const claims = await resolveIdentity(user, identityPolicy(ctx.workspace, now), now);
    assertSameUser(ctx.visitor, claims);
    if (claims.verified && claims.userId !== undefined) {
      const owner = await findVerifiedVisitor(ctx.db, ctx.workspace._id, claims.userId);
      if (owner !== null && owner._id !== ctx.visitor._id) {
        throw appError("IDENTITY_CHANGED", "This user already has a visitor; boot again with the user to resume it.");
      }
    }
    const identity = await identifyVisitor(ctx.db, ctx.visitor, claims, now);
    if (claims.company !== undefined) await linkVisitorCompany(ctx.db, ctx.visitor, claims.company, now);
    // The session now rests on this proof: a later secret rotation judges it by this time.
    if (claims.verified) await ctx.db.patch("widgetSessions", ctx.session._id, { provenAt: now });
    if (identity.identified && (!ctx.visitor.identified || (identity.verified && !ctx.visitor.verified))) await emitWebhookEvent(ctx, ctx.workspace._id, "visitor.identified", { visitorId: ctx.visitor._id });
    return { visitorId: ctx.visitor._id, identified: identity.identified, verified: identity.verified };
  },
});

/** REST: a workspace's visitors, most recently seen first, a page at a time. */
export const listForWorkspace = internalQuery({
  args: { workspaceId: v.id("workspaces"), paginationOpts: paginationOptsValidator },
  handler: async (ctx, args): Promise<PaginationResult<ApiVisitor>> => {
    const result = await ctx.db
      .query("visitors")
      .withIndex("by_workspace_last_seen", (q) => q.eq("workspaceId", args.workspaceId))
      .order("desc")
      .paginate(args.paginationOpts);
    return { ...result, page: result.page.map(apiVisitor) };
  },
});

/** REST: one visitor of the workspace; null for unknown, malformed or another workspace's ids. */
export const getForWorkspace = internalQuery({
  args: { workspaceId: v.id("workspaces"), visitorId: v.string() },
  handler: async (ctx, args): Promise<ApiVisitor | null> => {
    const visitor = await findInWorkspace(ctx.db, "visitors", args.workspaceId, args.visitorId);
    return visitor === null ? null : apiVisitor(visitor);
  },
});
