import { parseColor, toHex } from "./colors";

/*
 * The rules of a widget configuration (theme, layout, event listeners) that the
 * server enforces and that editors (the inbox's Theme page, the typed client)
 * check before sending: strict grammars for everything that ends up in a
 * stylesheet, allow-lists for events and actions, a nesting limit.
 */

export const EVENT_TYPES = [
  "message_sent",
  "message_received",
  "widget_open",
  "widget_close",
  "agent_assigned",
  "transcript_export",
] as const;
export type ConfigEventType = (typeof EVENT_TYPES)[number];

/** `log_to_external`: a signed POST to the callback URL; `track_latency`: a metric; `emit`: the host page's `configEvent` listeners. */
export const LISTENER_ACTIONS = ["log_to_external", "track_latency", "emit"] as const;
export type ListenerAction = (typeof LISTENER_ACTIONS)[number];

export const WIDGET_SIZES = ["small", "medium", "large"] as const;
export type WidgetSize = (typeof WIDGET_SIZES)[number];
export const POSITIONS = ["bottom-right", "bottom-left"] as const;
export type WidgetPosition = (typeof POSITIONS)[number];
export const Z_INDEX_MIN = 1;
export const Z_INDEX_MAX = 2147483647;
export const MAX_LISTENERS = 20;
/** Levels of nesting, the root counting as 1 and every nested value (leaves included) one more. */
export const MAX_DEPTH = 5;

export type ThemeSettings = {
  primaryColor: string;
  secondaryColor: string;
  fontFamily: string;
  borderRadius: string;
  widgetSize: WidgetSize;
};
export type LayoutSettings = { position: WidgetPosition; zIndex: number; mobileResponsive: boolean };
export type ListenerPayload = Record<string, string | number | boolean>;
export type EventListenerSetting = { eventType: ConfigEventType; action: ListenerAction; payload: ListenerPayload };
/** What a widget applies: every field known. */
export type EffectiveConfiguration = { theme: ThemeSettings; layout: LayoutSettings; eventListeners: EventListenerSetting[] };

export const DEFAULT_THEME: ThemeSettings = {
  primaryColor: "#2563eb",
  secondaryColor: "#f3f4f6",
  fontFamily: "system-ui, sans-serif",
  borderRadius: "16px",
  widgetSize: "medium",
};
export const DEFAULT_LAYOUT: LayoutSettings = { position: "bottom-right", zIndex: 2147483000, mobileResponsive: true };

export const isColor = (text: string): boolean => text.length <= 64 && parseColor(text) !== null;

const GENERIC_FAMILIES = new Set(["serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded", "emoji", "math"]);
/** An unquoted family: identifiers separated by single spaces (`Helvetica Neue`). */
const UNQUOTED_FAMILY = /^-?[A-Za-z_][A-Za-z0-9_-]*(?: -?[A-Za-z_][A-Za-z0-9_-]*)*$/;
/** A quoted family: letters, digits, spaces and a few marks, no quote, backslash or semicolon. */
const QUOTED_FAMILY = /^(["'])[A-Za-z0-9 _.-]{1,64}\1$/;

/** A CSS font-family list of family names (`Inter, "Helvetica Neue", sans-serif`), nothing else. */
export function isFontFamily(text: string): boolean {
  if (text.length === 0 || text.length > 200) return false;
  const families = text.split(",").map((part) => part.trim());
  return families.length <= 10 && families.every((family) => GENERIC_FAMILIES.has(family) || UNQUOTED_FAMILY.test(family) || QUOTED_FAMILY.test(family));
}

const LENGTH = /^(?:0|(\d{1,3}(?:\.\d{1,2})?)(px|rem|em|%))$/;
/** A corner radius: `0` or a non-negative length in px (≤ 64), rem/em (≤ 4) or % (≤ 50). */
export function isRadius(text: string): boolean {
  const match = LENGTH.exec(text);
  if (match === null) return false;
  if (match[1] === undefined) return true;
  const amount = Number(match[1]);
  const limit = match[2] === "px" ? 64 : match[2] === "%" ? 50 : 4;
  return amount <= limit;
}

/**
 * The seed's CSS injection patterns, refused in any string anywhere in a
 * configuration (the grammars above already refuse them in styled fields;
 * this also covers listener payloads and metadata, which other systems may
 * interpolate into their own stylesheets or pages).
 */
export const INJECTION_PATTERNS: readonly RegExp[] = [
  /expression\s*\(/i,
  /javascript\s*:/i,
  /@import/i,
  /url\s*\(\s*['"]?\s*data\s*:/i,
  /behavior\s*:/i,
  /<\s*script/i,
];

type Found = { path: string; detail: string };

const join = (path: string, key: string | number) => (path === "" ? String(key) : `${path}.${key}`);

/** The first string (value or key) that matches an injection pattern, with its path. */
export function findInjection(value: unknown, path = ""): Found | null {
  if (typeof value === "string") {
    const pattern = INJECTION_PATTERNS.find((candidate) => candidate.test(value));
    return pattern === undefined ? null : { path: path || "(body)", detail: pattern.source };
  }
  if (value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    const keyHit = INJECTION_PATTERNS.find((candidate) => candidate.test(key));
    if (keyHit !== undefined) return { path: join(path, key), detail: keyHit.source };
    const found = findInjection(item, join(path, key));
    if (found !== null) return found;
  }
  return null;
}

/** The path of the first value nested deeper than MAX_DEPTH, or null (root = level 1, leaves counted). */
export function findTooDeep(value: unknown, level = 1, path = ""): string | null {
  if (level > MAX_DEPTH) return path || "(body)";
  if (value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    const found = findTooDeep(item, level + 1, join(path, key));
    if (found !== null) return found;
  }
  return null;
}

/** The deepest level of a value, counted as findTooDeep does. */
export function depthOf(value: unknown, level = 1): number {
  if (value === null || typeof value !== "object") return level;
  return Object.values(value).reduce<number>((max, item) => Math.max(max, depthOf(item, level + 1)), level);
}

export type Nullable<T> = { [K in keyof T]?: T[K] | null };

/**
 * A PATCH of a stored configuration, as the REST API and the typed client speak it:
 * `null` removes an override (or the base), an absent field leaves it as it is.
 */
export type ConfigurationChange = {
  name?: string;
  baseConfigurationId?: string | null;
  theme?: Nullable<ThemeSettings>;
  layout?: Nullable<LayoutSettings>;
  eventListeners?: EventListenerSetting[] | null;
  isDefault?: true;
  callbackUrl?: string | null;
};

export type ConfigurationOverride = {
  theme?: Partial<ThemeSettings>;
  layout?: Partial<LayoutSettings>;
  eventListeners?: EventListenerSetting[];
};

/** Later overrides win field by field; a list of listeners replaces the one before it. */
export function mergeConfigurations(chain: readonly ConfigurationOverride[]): EffectiveConfiguration {
  let theme: ThemeSettings = { ...DEFAULT_THEME };
  let layout: LayoutSettings = { ...DEFAULT_LAYOUT };
  let eventListeners: EventListenerSetting[] = [];
  for (const override of chain) {
    theme = { ...theme, ...definedOnly(override.theme) };
    layout = { ...layout, ...definedOnly(override.layout) };
    if (override.eventListeners !== undefined) eventListeners = override.eventListeners;
  }
  return { theme, layout, eventListeners };
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (value === undefined) return {};
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}

/**
 * The configuration as widgets receive it: colours rewritten as `#rrggbb`, so a widget
 * needs no colour parser, only a hex check, before writing them into its stylesheet.
 */
export function forWidget(configuration: EffectiveConfiguration): EffectiveConfiguration {
  const hex = (color: string) => {
    const rgb = parseColor(color);
    return rgb === null ? DEFAULT_THEME.primaryColor : toHex(rgb);
  };
  const { theme } = configuration;
  return { ...configuration, theme: { ...theme, primaryColor: hex(theme.primaryColor), secondaryColor: hex(theme.secondaryColor) } };
}
