import { v } from "convex/values";
import { checkAttributes, checkUrl, normalizeEventName } from "./lib/inputRules";
import { attributesValidator } from "./lib/validators";
import { visitorMutation } from "./model/visitorFunctions";
import { recordEngagementEvent } from "./model/engagementEvents";
import { touchVisitor } from "./model/visitors";
import { enforceAddressLimit, enforceRateLimit } from "./model/rateLimits";

/** Records a custom event or (as `$pageview`) a page view for the session's visitor. */
export const track = visitorMutation({
  args: {
    name: v.string(),
    properties: v.optional(attributesValidator),
    url: v.optional(v.string()),
  },
  handler: async (ctx, args): Promise<null> => {
    const name = normalizeEventName(args.name);
    checkAttributes(args.properties, "properties");
    checkUrl(args.url, "url");
    await enforceRateLimit(ctx, "events", ctx.visitor._id);
    await enforceAddressLimit(ctx, "eventsPerAddress");
    const now = Date.now();
    await ctx.db.insert("events", {
      workspaceId: ctx.workspace._id,
      visitorId: ctx.visitor._id,
      name,
      createdAt: now,
      ...(args.properties !== undefined ? { properties: args.properties } : {}),
      ...(args.url !== undefined ? { url: args.url } : {}),
    });
    // Event counters (audience rules) and checklist tasks completed by this event or page.
    await recordEngagementEvent(ctx.db, ctx.visitor, { name, url: args.url }, now);
    await touchVisitor(ctx.db, ctx.visitor, now);
    return null;
  },
});
