import { v } from "convex/values";
import type { Doc } from "./_generated/dataModel";
import { EVENT_TYPES, type ConfigEventType, type EffectiveConfiguration } from "../core/theme/configuration";
import { invalidArgument } from "./lib/errors";
import { policyFor } from "./lib/outgoingPolicy";
import { enforceRateLimit } from "./model/rateLimits";
import { visitorMutation, visitorQuery } from "./model/visitorFunctions";
import { effectiveForWidget, effectiveOf, findConfiguration } from "./model/widgetConfigs";
import { enqueueDelivery } from "./outgoing/queue";

/*
 * The widget's side of widget configurations: the live configuration it
 * applies (a subscription, so a PATCH re-themes open widgets within a second),
 * the latency figures of `track_latency` listeners, and the `log_to_external`
 * POSTs, which only the server may sign.
 */

const eventTypeValidator = v.union(...EVENT_TYPES.map((type) => v.literal(type)));
/** Figures above this are not latency but a tab left in the background. */
const MAX_LATENCY_MS = 120_000;

export type WidgetConfigurationState = { id: string | null; cacheGeneration: number; configuration: EffectiveConfiguration };

/** The configuration this widget applies: `configurationId` when it is one of the workspace's, else the default. */
export const live = visitorQuery({
  args: { configurationId: v.optional(v.string()) },
  handler: async (ctx, args): Promise<WidgetConfigurationState> => await effectiveForWidget(ctx.db, ctx.workspace, args.configurationId),
});

async function listenerConfiguration(
  ctx: Parameters<Parameters<typeof visitorMutation>[0]["handler"]>[0],
  configurationId: string,
  eventType: ConfigEventType,
  action: "track_latency" | "log_to_external",
): Promise<{ doc: Doc<"widgetConfigurations">; payload: Record<string, string | number | boolean> }> {
  const doc = await findConfiguration(ctx.db, ctx.workspace._id, configurationId);
  if (doc === null) throw invalidArgument("configurationId", "No such configuration.");
  const listener = (await effectiveOf(ctx.db, doc)).eventListeners.find((item) => item.eventType === eventType && item.action === action);
  if (listener === undefined) throw invalidArgument("eventType", `The configuration has no ${action} listener for ${eventType}.`);
  return { doc, payload: listener.payload };
}

/** One measurement of a `track_latency` listener (e.g. widget_open: open → first paint of the panel). */
export const recordMetric = visitorMutation({
  args: { configurationId: v.string(), eventType: eventTypeValidator, valueMs: v.number() },
  handler: async (ctx, args): Promise<null> => {
    if (!Number.isFinite(args.valueMs) || args.valueMs < 0 || args.valueMs > MAX_LATENCY_MS) {
      throw invalidArgument("valueMs", `valueMs must be 0 to ${MAX_LATENCY_MS}.`);
    }
    await enforceRateLimit(ctx, "events", ctx.visitor._id);
    const { doc, payload } = await listenerConfiguration(ctx, args.configurationId, args.eventType, "track_latency");
    const metric = typeof payload["metric"] === "string" ? payload["metric"].slice(0, 64) : args.eventType;
    await ctx.db.insert("widgetConfigMetrics", {
      workspaceId: ctx.workspace._id,
      configurationId: doc._id,
      eventType: args.eventType,
      metric,
      valueMs: Math.round(args.valueMs * 10) / 10,
      at: Date.now(),
    });
    return null;
  },
});

/** A `log_to_external` listener fired: a signed POST of the event to the configuration's callback URL. */
export const logExternal = visitorMutation({
  args: { configurationId: v.string(), eventType: eventTypeValidator },
  handler: async (ctx, args): Promise<null> => {
    await enforceRateLimit(ctx, "events", ctx.visitor._id);
    const { doc, payload } = await listenerConfiguration(ctx, args.configurationId, args.eventType, "log_to_external");
    if (doc.callbackUrl === undefined || doc.callbackSecretSealed === undefined) return null; // nowhere to log: nothing to do
    await enqueueDelivery(ctx, {
      workspaceId: ctx.workspace._id,
      kind: "configCallback",
      sourceId: doc._id,
      topic: args.eventType,
      url: doc.callbackUrl,
      body: JSON.stringify({
        event: args.eventType,
        configurationId: doc._id,
        visitorId: ctx.visitor._id,
        payload,
        timestamp: new Date().toISOString(),
      }),
      policy: policyFor("configCallback"),
      signing: { scheme: "opencom-signature", sealedSecrets: [doc.callbackSecretSealed] },
    });
    return null;
  },
});
