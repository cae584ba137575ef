import { z } from "zod";
import {
  EVENT_TYPES,
  findInjection,
  findTooDeep,
  isColor,
  isFontFamily,
  isRadius,
  LISTENER_ACTIONS,
  MAX_DEPTH,
  MAX_LISTENERS,
  POSITIONS,
  WIDGET_SIZES,
  Z_INDEX_MAX,
  Z_INDEX_MIN,
} from "../../core/theme/configuration";
import { trimmedText } from "./restHelpers";
import { epochMs } from "./views";

/*
 * Request and answer schemas of /widget/configurations. Every styled value has
 * a strict grammar (core/theme): a colour is hex, rgb() or hsl(); a font is a
 * list of family names; a radius is a length. Nothing else gets through, so
 * nothing else can reach a stylesheet.
 */

const color = z.string().refine(isColor, "must be a colour: #rgb, #rrggbb, rgb(r, g, b) or hsl(h, s%, l%).");
const fontFamily = z.string().refine(isFontFamily, 'must be a list of font family names, such as Inter, "Helvetica Neue", sans-serif.');
const radius = z.string().refine(isRadius, "must be 0 or a length: up to 64px, 4rem/4em or 50%.");

const themeFields = {
  primaryColor: color,
  secondaryColor: color,
  fontFamily,
  borderRadius: radius,
  widgetSize: z.enum(WIDGET_SIZES),
};
const layoutFields = {
  position: z.enum(POSITIONS),
  zIndex: z.number().int().min(Z_INDEX_MIN).max(Z_INDEX_MAX),
  mobileResponsive: z.boolean(),
};

const payloadValue = z.union([z.string().max(500), z.number(), z.boolean()]);
const eventListener = z.strictObject({
  eventType: z.enum(EVENT_TYPES, { error: `must be one of ${EVENT_TYPES.join(", ")}.` }),
  action: z.enum(LISTENER_ACTIONS, { error: `must be one of ${LISTENER_ACTIONS.join(", ")}.` }),
  payload: z.record(z.string().min(1).max(64), payloadValue).default({}).refine((value) => Object.keys(value).length <= 20, "at most 20 keys."),
});
const eventListeners = z.array(eventListener).max(MAX_LISTENERS);
const callbackUrl = z.url({ protocol: /^https?$/ }).max(2048);
const name = trimmedText(100);

/** Optional everywhere; with a base, a missing field is inherited, without one it takes the default. */
export const createBody = z.strictObject({
  name: name.optional(),
  baseConfigurationId: z.string().min(1).max(100).optional(),
  theme: z.strictObject(themeFields).partial().optional(),
  layout: z.strictObject(layoutFields).partial().optional(),
  eventListeners: eventListeners.optional(),
  isDefault: z.literal(true).optional().describe("Make this the workspace's default configuration."),
  callbackUrl: callbackUrl.optional(),
});

const nullableFields = <T extends Record<string, z.ZodType>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, schema.nullable().optional()])) as {
    [K in keyof T]: z.ZodOptional<z.ZodNullable<T[K]>>;
  };

/** Any subset; null removes an override (configurations with a base) or clears baseConfigurationId, eventListeners, callbackUrl. */
export const patchBody = z.strictObject({
  name: name.optional(),
  baseConfigurationId: z.string().min(1).max(100).nullable().optional(),
  theme: z.strictObject(nullableFields(themeFields)).optional(),
  layout: z.strictObject(nullableFields(layoutFields)).optional(),
  eventListeners: eventListeners.nullable().optional(),
  isDefault: z.literal(true).optional().describe("Make this the workspace's default configuration (there is always exactly one)."),
  callbackUrl: callbackUrl.nullable().optional(),
});
export type PatchBody = z.output<typeof patchBody>;

/**
 * Checks on the raw JSON before the schema: nesting deeper than MAX_DEPTH and
 * the seed's injection patterns, wherever they are (so the error names the real
 * problem, not an unknown field at depth 9).
 */
export function screenConfigurationBody(json: unknown): Record<string, string> | null {
  const deep = findTooDeep(json);
  if (deep !== null) return { [deep]: `nesting deeper than ${MAX_DEPTH} levels is refused (the body is level 1).` };
  const injection = findInjection(json);
  if (injection !== null) return { [injection.path]: `refused: matches the injection pattern /${injection.detail}/.` };
  return null;
}

const themeView = z.object({
  primaryColor: z.string().optional(),
  secondaryColor: z.string().optional(),
  fontFamily: z.string().optional(),
  borderRadius: z.string().optional(),
  widgetSize: z.enum(WIDGET_SIZES).optional(),
});
const layoutView = z.object({ position: z.enum(POSITIONS).optional(), zIndex: z.number().int().optional(), mobileResponsive: z.boolean().optional() });
const listenerView = z.object({
  eventType: z.enum(EVENT_TYPES),
  action: z.enum(LISTENER_ACTIONS),
  payload: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

export const configurationView = z
  .object({
    id: z.string(),
    name: z.string(),
    baseConfigurationId: z.string().nullable(),
    theme: themeView.describe("This configuration's own values (all of them without a base; the overrides with one)."),
    layout: layoutView,
    eventListeners: z.array(listenerView).nullable().describe("null: inherited from the base (or none)."),
    metadata: z.object({ lastModifiedBy: z.string(), version: z.string().describe("Semver; the patch part goes up on each change.") }),
    isDefault: z.boolean(),
    callbackUrl: z.string().nullable(),
    effective: z
      .object({ theme: themeView.required(), layout: layoutView.required(), eventListeners: z.array(listenerView) })
      .describe("The base chain merged with this configuration: what a widget applies."),
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .meta({ id: "WidgetConfiguration" });

export const createdView = configurationView
  .extend({
    callbackSigningSecret: z
      .string()
      .optional()
      .describe("Shown once, when a configuration first gets a callback URL: verifies the Opencom-Signature of callback POSTs."),
  })
  .meta({ id: "WidgetConfigurationWithSecret" });

export const metricSummary = z
  .object({
    eventType: z.enum(EVENT_TYPES),
    metric: z.string(),
    count: z.number().int(),
    p50Ms: z.number(),
    p95Ms: z.number(),
    maxMs: z.number(),
    lastMs: z.number(),
    lastAt: epochMs,
  })
  .meta({ id: "WidgetConfigurationMetric" });
