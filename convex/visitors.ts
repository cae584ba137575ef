import type { Id } from "./_generated/dataModel";
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
