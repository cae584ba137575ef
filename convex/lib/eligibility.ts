import type { Doc } from "../_generated/dataModel";
import { isWithinSchedule, type ExposureHistory } from "../../core/engagement/frequency";
import { evaluateAudience, referencedEvents, type AudienceContext, type Scalar } from "../../core/engagement/rules";
import { canFireOnPage, type Trigger } from "../../core/engagement/triggers";
import type { ContentStatus } from "./engagementValidators";

/**
 * Who may see an engagement experience right now, decided on the server with
 * the same engine the browser runs (src/engine/). Pure: the caller loads the
 * visitor, the event counters and the history.
 */

export type Targeted = {
  status: ContentStatus;
  audience?: unknown;
  trigger?: Trigger;
  startsAt?: number;
  endsAt?: number;
  priority?: number;
  createdAt: number;
};

/** The audience context of a visitor on a page; `url` falls back to the last page seen. */
export function visitorContext(
  visitor: Doc<"visitors">,
  eventCounts: Record<string, number>,
  url: string | undefined,
): AudienceContext {
  const attributes: Record<string, Scalar | undefined> = {
    userId: visitor.userId,
    email: visitor.email,
    name: visitor.name,
    browser: visitor.device?.browser,
    os: visitor.device?.os,
    deviceType: visitor.device?.deviceType,
    locale: visitor.device?.locale,
    referrer: visitor.referrer,
  };
  return {
    visitor: { identified: visitor.identified, attributes, customAttributes: visitor.customAttributes ?? {} },
    eventCounts,
    url: url ?? visitor.lastPageUrl ?? "",
  };
}

/**
 * Active, inside its date window, in the audience, and able to fire on this
 * page (a URL trigger for another page rules it out). Frequency is separate:
 * its history lives in a different table per kind.
 */
export function isTargeted(content: Targeted, context: AudienceContext, now: number): boolean {
  return (
    content.status === "active" &&
    isWithinSchedule(content, now) &&
    (content.audience === undefined || evaluateAudience(content.audience, context)) &&
    (content.trigger === undefined || canFireOnPage(content.trigger, context.url))
  );
}

/** Every event name the audiences of `contents` count. */
export function eventsReferencedBy(contents: ReadonlyArray<{ audience?: unknown }>): string[] {
  const names = new Set<string>();
  for (const content of contents) {
    if (content.audience !== undefined) for (const name of referencedEvents(content.audience)) names.add(name);
  }
  return [...names];
}

/** Higher priority first, then oldest first (stable for the browser's arbitration). */
export function byPriority(a: Targeted, b: Targeted): number {
  return (b.priority ?? 0) - (a.priority ?? 0) || a.createdAt - b.createdAt;
}

/** The frequency history kept in an `impressions` row (or none yet). */
export function impressionHistory(
  row: Pick<Doc<"impressions">, "shownCount" | "lastShownAt" | "dismissedAt" | "clickedAt"> | null,
  completedAt?: number,
): ExposureHistory {
  const history: ExposureHistory = { shownCount: row?.shownCount ?? 0 };
  if (row?.lastShownAt !== undefined) history.lastShownAt = row.lastShownAt;
  if (row?.dismissedAt !== undefined) history.dismissedAt = row.dismissedAt;
  const completed = completedAt ?? row?.clickedAt;
  if (completed !== undefined) history.completedAt = completed;
  return history;
}
