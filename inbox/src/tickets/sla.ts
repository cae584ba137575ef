import { businessCalendar, computeSlaMetrics, type BusinessCalendar, type SlaMetric, type SlaMetricKey, type SlaMetrics, type WeeklyHours } from "../../../core/sla";
import type { OperatorTicketSummary } from "../../../convex/model/ticketDetails";

/*
 * SLA clocks as the inbox draws them: recomputed from the ticket's stored timestamps
 * against the page's own clock, so countdowns and breach badges move every second
 * without asking the server.
 */

export const METRIC_LABELS: Record<SlaMetricKey, string> = {
  TIME_TO_FIRST_RESPONSE: "First response",
  TIME_TO_RESOLVE: "Resolution",
  TIME_IN_CURRENT_STATE: "In current state",
  TIME_WAITING_ASSIGNATION_IN_CURRENT_SUPPORT_TEAM: "Waiting for an assignee",
  TOTAL_TIME_IN_CURRENT_SUPPORT_TEAM: "In current team",
};

/** The clocks with a target, in the order a badge weighs them. */
export const TARGETED_METRICS = ["TIME_TO_FIRST_RESPONSE", "TIME_TO_RESOLVE"] as const satisfies readonly SlaMetricKey[];

const calendars = new WeakMap<WeeklyHours, BusinessCalendar>();

function calendarOf(hours: WeeklyHours | null): BusinessCalendar {
  if (hours === null) return businessCalendar(null);
  let calendar = calendars.get(hours);
  if (calendar === undefined) {
    calendar = businessCalendar(hours);
    calendars.set(hours, calendar);
  }
  return calendar;
}

/** The five metrics at `now`, from the clock inputs the query returned with the ticket. */
export function metricsAt(ticket: Pick<OperatorTicketSummary, "clock">, now: number): SlaMetrics {
  const { timeline, thresholds, officeHours } = ticket.clock;
  return computeSlaMetrics(timeline, thresholds, calendarOf(officeHours), now);
}

/** "45s", "29m 05s", "3h 20m", "2d 4h": a countdown short enough for a queue row. */
export function formatDuration(millis: number): string {
  const seconds = Math.floor(Math.max(0, millis) / 1000);
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, "0")}m`;
  if (minutes > 0) return `${minutes}m ${String(rest).padStart(2, "0")}s`;
  return `${rest}s`;
}

export type SlaStatus =
  | { kind: "breached"; text: string }
  | { kind: "due"; text: string; dueInMillis: number }
  | { kind: "paused"; text: string }
  | { kind: "met"; text: string }
  | { kind: "none"; text: string };

/** What one clock says at `now`: breached, due in a while, paused, met in time, or untargeted. */
export function slaStatus(metric: SlaMetric, now: number): SlaStatus {
  if (metric.thresholdMillis === undefined) return { kind: "none", text: formatDuration(metric.ticksMillis) };
  if (metric.isBreached === true) {
    const overBy = metric.breachDate !== undefined && !metric.finished ? ` ${formatDuration(now - metric.breachDate)} ago` : "";
    return { kind: "breached", text: `Breached${overBy}` };
  }
  if (metric.finished) return { kind: "met", text: "Met" };
  if (metric.isPaused) return { kind: "paused", text: metric.pauseReason === "BY_STATE" ? "Paused: waiting on customer" : "Paused: outside office hours" };
  // Running with a target and no breach date only when office hours never open again.
  if (metric.breachDate === undefined) return { kind: "paused", text: "Paused: no office hours ahead" };
  const dueInMillis = metric.breachDate - now;
  return { kind: "due", text: `${formatDuration(dueInMillis)} left`, dueInMillis };
}

/** The queue row's badge: any breached target first, else the nearest due one, else nothing. */
export function ticketBadge(metrics: SlaMetrics, now: number): SlaStatus | null {
  const statuses = TARGETED_METRICS.map((key) => slaStatus(metrics[key], now));
  const breached = statuses.find((status) => status.kind === "breached");
  if (breached !== undefined) return breached;
  const due = statuses.filter((status): status is Extract<SlaStatus, { kind: "due" }> => status.kind === "due");
  due.sort((a, b) => a.dueInMillis - b.dueInMillis);
  return due[0] ?? statuses.find((status) => status.kind === "paused") ?? null;
}
