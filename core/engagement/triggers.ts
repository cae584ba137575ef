import { matchesUrlPattern } from "./url-pattern";

/**
 * When an eligible experience starts. The audience says *who*; the trigger says
 * *when* on the page:
 *
 * - `page_load` — as soon as the page is ready
 * - `url` — when the current URL matches a pattern (url-pattern.ts)
 * - `time_on_page` — after `seconds` on the current page
 * - `scroll_depth` — once the visitor has scrolled `percent` of the page
 * - `event` — once the visitor tracked an event of that name on this page
 */
export type Trigger =
  | { type: "page_load" }
  | { type: "url"; pattern: string }
  | { type: "time_on_page"; seconds: number }
  | { type: "scroll_depth"; percent: number }
  | { type: "event"; name: string };

export type TriggerType = Trigger["type"];

/** What the page runtime knows right now; reset on every navigation. */
export type PageState = {
  url: string;
  secondsOnPage: number;
  /** Deepest scroll so far on this page, 0–100. */
  scrollPercent: number;
  /** Event names tracked since this page loaded. */
  firedEvents: readonly string[];
};

export const DEFAULT_TRIGGER: Trigger = { type: "page_load" };

export function isTriggerSatisfied(trigger: Trigger, state: PageState): boolean {
  switch (trigger.type) {
    case "page_load":
      return true;
    case "url":
      return matchesUrlPattern(trigger.pattern, state.url);
    case "time_on_page":
      return state.secondsOnPage >= trigger.seconds;
    case "scroll_depth":
      return state.scrollPercent >= trigger.percent;
    case "event":
      return state.firedEvents.includes(trigger.name);
    default:
      return false; // a trigger type from a newer server: never fire rather than fire wrongly
  }
}

/**
 * Whether the trigger can still fire on this page at all, knowing only the URL.
 * The server uses this to leave out experiences bound to other pages; the
 * browser then waits for time, scroll or events with isTriggerSatisfied.
 */
export function canFireOnPage(trigger: Trigger, url: string): boolean {
  return trigger.type === "url" ? matchesUrlPattern(trigger.pattern, url) : isTrigger(trigger);
}

/** Type guard for triggers arriving as untrusted data. */
export function isTrigger(value: unknown): value is Trigger {
  if (typeof value !== "object" || value === null) return false;
  const trigger = value as Record<string, unknown>;
  const keys = Object.keys(trigger).length;
  switch (trigger["type"]) {
    case "page_load":
      return keys === 1;
    case "url":
      return keys === 2 && typeof trigger["pattern"] === "string" && trigger["pattern"] !== "";
    case "time_on_page":
      return keys === 2 && isNumberIn(trigger["seconds"], 0, 86_400);
    case "scroll_depth":
      return keys === 2 && isNumberIn(trigger["percent"], 0, 100);
    case "event":
      return keys === 2 && typeof trigger["name"] === "string" && trigger["name"] !== "";
    default:
      return false;
  }
}

function isNumberIn(value: unknown, min: number, max: number): boolean {
  return typeof value === "number" && Number.isFinite(value) && value >= min && value <= max;
}
