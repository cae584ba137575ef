import { v } from "convex/values";
import { checkAttributes, checkUrl, normalizeEventName } from "./lib/inputRules";
import { attributesValidator } from "./lib/validators";
import { internalMutation } from "./_generated/server";
import { internal } from "./_generated/api";
import { eventKind } from "../core/engagement/event-names";
import { visitorMutation } from "./model/visitorFunctions";
import { insertVisitorEvent } from "./model/visitorEvents";
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
    await insertVisitorEvent(ctx.db, {
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

const LABEL_BATCH = 500;

/**
 * Gives events stored before kinds existed their kind, a batch at a time, then
 * schedules the next batch: run once after upgrading a deployment that has
 * events (`npx convex run events:labelKinds`). Rows that have one are left alone.
 */
export const labelKinds = internalMutation({
  args: { cursor: v.optional(v.union(v.string(), v.null())) },
  handler: async (ctx, args): Promise<{ labelled: number; done: boolean }> => {
    const page = await ctx.db.query("events").paginate({ cursor: args.cursor ?? null, numItems: LABEL_BATCH });
    let labelled = 0;
    for (const event of page.page) {
      if (event.kind !== undefined) continue;
      await ctx.db.patch("events", event._id, { kind: eventKind(event.name) });
      labelled++;
    }
    if (!page.isDone) await ctx.scheduler.runAfter(0, internal.events.labelKinds, { cursor: page.continueCursor });
    return { labelled, done: page.isDone };
  },
});
