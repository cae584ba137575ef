import { EVENT_TYPES, LISTENER_ACTIONS, POSITIONS, WIDGET_SIZES, type EffectiveConfiguration, type EventListenerSetting } from "../../core/theme/configuration";

/*
 * A widget configuration read from untrusted JSON (the stored settings, a server
 * answer). The server already enforced the full grammar and sends colours as
 * hex; this second check is cheap on purpose (no colour or font parser in the
 * boot bundle) and still strict about what may reach a stylesheet: hex colours,
 * a radius length, a font list without any of `;{}()\/:`. Anything off and the
 * whole value is ignored.
 */

const HEX = /^#[0-9a-f]{6}$/i;
const FONT = /^[\w ,"'-]{1,200}$/;
const RADIUS = /^(?:0|\d{1,3}(?:\.\d{1,2})?(?:px|rem|em|%))$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T => (values as readonly unknown[]).includes(value);
const matches = (pattern: RegExp, value: unknown): value is string => typeof value === "string" && pattern.test(value);
const isScalar = (value: unknown): value is string | number | boolean => ["string", "number", "boolean"].includes(typeof value);

function readListener(item: unknown): EventListenerSetting | null {
  if (!isRecord(item) || !oneOf(EVENT_TYPES, item["eventType"]) || !oneOf(LISTENER_ACTIONS, item["action"]) || !isRecord(item["payload"])) return null;
  const entries = Object.entries(item["payload"]);
  if (!entries.every(([, value]) => isScalar(value))) return null;
  return { eventType: item["eventType"], action: item["action"], payload: Object.fromEntries(entries) as EventListenerSetting["payload"] };
}

export function readConfiguration(value: unknown): EffectiveConfiguration | null {
  if (!isRecord(value) || !isRecord(value["theme"]) || !isRecord(value["layout"]) || !Array.isArray(value["eventListeners"])) return null;
  const { primaryColor, secondaryColor, fontFamily, borderRadius, widgetSize } = value["theme"];
  const { position, zIndex, mobileResponsive } = value["layout"];
  if (!matches(HEX, primaryColor) || !matches(HEX, secondaryColor) || !matches(FONT, fontFamily) || !matches(RADIUS, borderRadius)) return null;
  if (!oneOf(WIDGET_SIZES, widgetSize) || !oneOf(POSITIONS, position) || typeof mobileResponsive !== "boolean") return null;
  if (!Number.isInteger(zIndex) || (zIndex as number) < 1 || (zIndex as number) > 2147483647) return null;
  const eventListeners = value["eventListeners"].map(readListener);
  if (eventListeners.some((listener) => listener === null)) return null;
  return {
    theme: { primaryColor, secondaryColor, fontFamily, borderRadius, widgetSize },
    layout: { position, zIndex: zIndex as number, mobileResponsive },
    eventListeners: eventListeners as EventListenerSetting[],
  };
}
