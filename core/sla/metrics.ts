import { ALWAYS_OPEN, type BusinessCalendar } from "./calendar";
import {
  CLOSED_STATES,
  PAUSING_STATE,
  type PauseReason,
  type SlaMetric,
  type SlaMetrics,
  type SlaThresholds,
  type TicketState,
  type TicketTimeline,
} from "./types";

/**
 * The five SLA clocks of a ticket at `now`, from its stored timestamps. Every
 * clock counts business time only (the calendar pauses it `BY_CALENDAR`);
 * all but TIME_IN_CURRENT_STATE also stop while the ticket waits on the
 * customer (`BY_STATE`) and while it is closed, and resume if it is reopened.
 *
 * - TIME_IN_CURRENT_STATE: since the last state change; finished (at 0) once closed.
 * - TIME_TO_FIRST_RESPONSE: from creation to the first reply the customer sees.
 * - TIME_TO_RESOLVE: from creation until the ticket is closed.
 * - TOTAL_TIME_IN_CURRENT_SUPPORT_TEAM: since the ticket joined its current team
 *   (creation when it never changed team).
 * - TIME_WAITING_ASSIGNATION_IN_CURRENT_SUPPORT_TEAM: the part of that time with
 *   nobody assigned; finished while someone is.
 *
 * Events after `now` are ignored, so a page can replay a ticket at any instant.
 */
export function computeSlaMetrics(
  timeline: TicketTimeline,
  thresholds: SlaThresholds | null,
  calendar: BusinessCalendar | null,
  now: number,
): SlaMetrics {
  const cal = calendar ?? ALWAYS_OPEN;
  const states = stateSegments(timeline, now);
  const current = states[states.length - 1]?.state ?? "submitted";
  const closed = CLOSED_STATES.includes(current);
  const waiting = current === PAUSING_STATE;
  const counting = states.filter((segment) => segment.state !== PAUSING_STATE && !CLOSED_STATES.includes(segment.state));

  const teamStart = lastAt(timeline.teams, now) ?? timeline.createdAt;
  const assigned = currentValue(timeline.assignees, now, (change) => change.assigneeId) !== null;
  const response = timeline.firstResponseAt !== undefined && timeline.firstResponseAt <= now ? timeline.firstResponseAt : undefined;
  const clock = (spans: Span[], finished: boolean, statePaused: boolean, threshold?: number) =>
    metric(cal, now, { spans, finished, statePaused: statePaused && !finished, threshold });

  const lastChange = states[states.length - 1]?.start ?? timeline.createdAt;
  return {
    TIME_IN_CURRENT_STATE: closed ? { ticksMillis: 0, finished: true, isPaused: false } : clock([{ start: lastChange, end: now }], false, false),
    TIME_WAITING_ASSIGNATION_IN_CURRENT_SUPPORT_TEAM: clock(
      intersect(within(counting, teamStart, now), unassigned(timeline, now)),
      closed || assigned,
      waiting,
    ),
    TOTAL_TIME_IN_CURRENT_SUPPORT_TEAM: clock(within(counting, teamStart, now), closed, waiting),
    TIME_TO_FIRST_RESPONSE: clock(
      within(counting, timeline.createdAt, response ?? now),
      response !== undefined || closed,
      waiting,
      thresholds?.firstResponseMillis,
    ),
    TIME_TO_RESOLVE: clock(counting, closed, waiting, thresholds?.resolutionMillis),
  };
}

interface Span {
  start: number;
  end: number;
}

function metric(
  cal: BusinessCalendar,
  now: number,
  clock: { spans: Span[]; finished: boolean; statePaused: boolean; threshold?: number | undefined },
): SlaMetric {
  const { spans, finished, statePaused, threshold } = clock;
  let ticks = 0;
  let breachDate: number | undefined;
  for (const span of spans) {
    const length = cal.openMillis(span.start, span.end);
    if (threshold !== undefined && breachDate === undefined && ticks + length >= threshold) {
      breachDate = cal.addOpenMillis(span.start, threshold - ticks) ?? undefined;
    }
    ticks += length;
  }
  const pauseReason: PauseReason | undefined = finished ? undefined : statePaused ? "BY_STATE" : cal.isOpen(now) ? undefined : "BY_CALENDAR";
  const result: SlaMetric = { ticksMillis: ticks, finished, isPaused: pauseReason !== undefined };
  if (pauseReason !== undefined) result.pauseReason = pauseReason;
  if (threshold === undefined) return result;
  result.thresholdMillis = threshold;
  result.isBreached = ticks >= threshold;
  // Still ahead: it falls due if the clock keeps running from now, which a state pause rules out.
  if (!result.isBreached && !finished && !statePaused) breachDate = cal.addOpenMillis(now, threshold - ticks) ?? undefined;
  if (breachDate !== undefined) result.breachDate = breachDate;
  return result;
}

/** The ticket's states as back-to-back spans from creation to `now`. */
function stateSegments(timeline: TicketTimeline, now: number): (Span & { state: TicketState })[] {
  const changes = timeline.states.filter((change) => change.at <= now).sort((a, b) => a.at - b.at);
  const first = changes[0];
  const start = Math.min(timeline.createdAt, first?.at ?? timeline.createdAt);
  const entries: { state: TicketState; at: number }[] = first !== undefined && first.at <= start ? changes : [{ state: "submitted", at: start }, ...changes];
  return entries
    .map((entry, index) => ({ state: entry.state, start: entry.at, end: entries[index + 1]?.at ?? now }))
    .filter((segment, index, all) => segment.end > segment.start || index === all.length - 1);
}

/** The spans during which nobody was assigned, up to `now`. */
function unassigned(timeline: TicketTimeline, now: number): Span[] {
  const changes = timeline.assignees.filter((change) => change.at <= now).sort((a, b) => a.at - b.at);
  const spans: Span[] = [];
  let since: number | null = Number.NEGATIVE_INFINITY;
  for (const change of changes) {
    if (change.assigneeId === null) since ??= change.at;
    else if (since !== null) {
      spans.push({ start: since, end: change.at });
      since = null;
    }
  }
  if (since !== null) spans.push({ start: since, end: now });
  return spans;
}

function lastAt(changes: readonly { at: number }[], now: number): number | undefined {
  let last: number | undefined;
  for (const change of changes) if (change.at <= now && (last === undefined || change.at >= last)) last = change.at;
  return last;
}

function currentValue<T extends { at: number }, V>(changes: readonly T[], now: number, value: (change: T) => V | null): V | null {
  let latest: T | undefined;
  for (const change of changes) if (change.at <= now && (latest === undefined || change.at >= latest.at)) latest = change;
  return latest === undefined ? null : value(latest);
}

function within(spans: readonly Span[], from: number, to: number): Span[] {
  return spans.map((span) => ({ start: Math.max(span.start, from), end: Math.min(span.end, to) })).filter((span) => span.end > span.start);
}

function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const result: Span[] = [];
  for (const left of a) for (const right of b) {
    const span = { start: Math.max(left.start, right.start), end: Math.min(left.end, right.end) };
    if (span.end > span.start) result.push(span);
  }
  return result.sort((x, y) => x.start - y.start);
}
