import type { Id } from "./_generated/dataModel";
import { checkAttributes, checkUserFields } from "./lib/inputRules";
import { userInputValidator } from "./lib/validators";
import { unverifiedClaims } from "./lib/visitorIdentity";
import { visitorMutation } from "./lib/visitorFunctions";
import { identifyVisitor } from "./model/visitors";

export type IdentifyResult = { visitorId: Id<"visitors">; identified: boolean; verified: boolean };

/**
 * Links the session's visitor to a known user of the host site. Until identity
 * verification lands the claims are stored unverified (`verified: false`).
 */
export const identify = visitorMutation({
  args: { user: userInputValidator },
  handler: async (ctx, { user }): Promise<IdentifyResult> => {
    checkUserFields(user);
    checkAttributes(user.customAttributes, "user.customAttributes");
    const identity = await identifyVisitor(ctx.db, ctx.visitor, unverifiedClaims(user), Date.now());
    return { visitorId: ctx.visitor._id, identified: identity.identified, verified: identity.verified };
  },
});
