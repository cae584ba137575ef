/**
 * The events the widget records on its own, beside the host site's: a page view (with the
 * page's URL) and the once-a-minute presence beat of a visible tab. Operators' views of a
 * visitor's activity tell the kinds apart, and the server stores each event's kind so that
 * those views read one kind by index: a day of presence beats (1,440 of them) must not push
 * the site's own events out of a bounded read.
 */
export const PAGE_VIEW_EVENT = "$pageview";
export const PRESENCE_EVENT = "$presence";

export type EventKind = "page" | "presence" | "custom";

export const EVENT_KINDS: readonly EventKind[] = ["page", "presence", "custom"];

/** Which kind an event of this name is: the widget's page views and beats, or the site's own. */
export function eventKind(name: string): EventKind {
  if (name === PAGE_VIEW_EVENT) return "page";
  if (name === PRESENCE_EVENT) return "presence";
  return "custom";
}
