import { defineTable } from "convex/server";
import { v } from "convex/values";
import { EVENT_TYPES, LISTENER_ACTIONS, POSITIONS, WIDGET_SIZES } from "../../core/theme/configuration";

/*
 * Widget configurations (theme, layout, event listeners; versioned, with a
 * base they inherit from), the OAuth clients that may edit them, and the
 * latency metrics widgets record for `track_latency` listeners.
 */

const literals = <T extends string>(values: readonly T[]) => v.union(...values.map((value) => v.literal(value)));

export const themeOverrideValidator = v.object({
  primaryColor: v.optional(v.string()),
  secondaryColor: v.optional(v.string()),
  fontFamily: v.optional(v.string()),
  borderRadius: v.optional(v.string()),
  widgetSize: v.optional(literals(WIDGET_SIZES)),
});

export const layoutOverrideValidator = v.object({
  position: v.optional(literals(POSITIONS)),
  zIndex: v.optional(v.number()),
  mobileResponsive: v.optional(v.boolean()),
});

export const eventListenerValidator = v.object({
  eventType: literals(EVENT_TYPES),
  action: literals(LISTENER_ACTIONS),
  payload: v.record(v.string(), v.union(v.string(), v.number(), v.boolean())),
});

export const oauthScopeValidator = v.union(v.literal("widget.config:view"), v.literal("widget.config:edit"));

export const widgetConfigTables = {
  widgetConfigurations: defineTable({
    workspaceId: v.id("workspaces"),
    name: v.string(),
    baseConfigurationId: v.optional(v.id("widgetConfigurations")),
    /** A configuration without a base holds every field; one with a base only what it overrides. */
    theme: themeOverrideValidator,
    layout: layoutOverrideValidator,
    /** Absent: inherited from the base (or none). */
    eventListeners: v.optional(v.array(eventListenerValidator)),
    isDefault: v.boolean(),
    callbackUrl: v.optional(v.string()),
    /** Sealed (lib/secretBox.ts): signs the callback POSTs. */
    callbackSecretSealed: v.optional(v.string()),
    /** Semver; the patch part goes up on each change. */
    version: v.string(),
    lastModifiedBy: v.string(),
    /** Bumped by a cache purge: widgets drop their stored copy when it changes. */
    cacheGeneration: v.number(),
    purgedAt: v.optional(v.number()),
    updatedAt: v.number(),
  })
    .index("by_workspace", ["workspaceId"])
    .index("by_workspace_default", ["workspaceId", "isDefault"])
    .index("by_base", ["baseConfigurationId"]),

  oauthClients: defineTable({
    workspaceId: v.id("workspaces"),
    /** Public: `occ_` and random hex. */
    clientId: v.string(),
    name: v.string(),
    /** SHA-256 (hex) of the secret, which is shown once. */
    secretHash: v.string(),
    scopes: v.array(oauthScopeValidator),
    createdAt: v.number(),
    revokedAt: v.optional(v.number()),
    /** When the secret was last replaced: access tokens issued before then are refused. */
    secretRotatedAt: v.optional(v.number()),
  })
    .index("by_client_id", ["clientId"])
    .index("by_workspace", ["workspaceId"]),

  widgetConfigMetrics: defineTable({
    workspaceId: v.id("workspaces"),
    configurationId: v.id("widgetConfigurations"),
    eventType: literals(EVENT_TYPES),
    /** The listener payload's `metric`, or the event type. */
    metric: v.string(),
    valueMs: v.number(),
    at: v.number(),
  }).index("by_configuration_metric_at", ["configurationId", "metric", "at"]),
};
