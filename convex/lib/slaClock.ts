import { businessCalendar, type BusinessCalendar } from "../../core/sla/calendar";
import { computeSlaMetrics } from "../../core/sla/metrics";
import { SLA_METRIC_KEYS, type SlaMetricKey, type SlaMetrics, type SlaThresholds, type WeeklyHours } from "../../core/sla/types";
import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";
import { priorityOf, timelineOf } from "./ticketFields";
import type { TicketPriority } from "./ticketValidators";

/**
 * What a workspace's SLA clocks run on: its policies by priority and the
 * business hours of its office hours (none set: always open). Load it once per
 * call and compute every ticket's metrics against it.
 */
export type SlaContext = {
  policies: Map<TicketPriority, SlaThresholds>;
  officeHours: WeeklyHours | null;
  calendar: BusinessCalendar;
};

export async function loadSlaContext(db: DatabaseReader, workspaceId: Id<"workspaces">): Promise<SlaContext> {
  const workspace = await db.get(workspaceId);
  const rows = await db
    .query("slaPolicies")
    .withIndex("by_workspace_priority", (q) => q.eq("workspaceId", workspaceId))
    .collect();
  const policies = new Map<TicketPriority, SlaThresholds>(
    rows.map((row) => [row.priority, thresholdsOf(row)]),
  );
  const hours = workspace?.messenger.officeHours;
  const officeHours = hours === undefined ? null : { timeZone: hours.timeZone, intervals: hours.intervals.map(({ day, open, close }) => ({ day, open, close })) };
  return { policies, officeHours, calendar: businessCalendar(officeHours) };
}

export function ticketMetrics(ticket: Doc<"tickets">, context: SlaContext, now: number): SlaMetrics {
  return computeSlaMetrics(timelineOf(ticket), context.policies.get(priorityOf(ticket)) ?? null, context.calendar, now);
}

/** The earliest breach still ahead of `now`, when the server should next look at the ticket. */
export function nextBreachDate(metrics: SlaMetrics, now: number): number | null {
  let next: number | null = null;
  for (const key of SLA_METRIC_KEYS) {
    const { isBreached, breachDate } = metrics[key];
    if (isBreached === false && breachDate !== undefined && breachDate > now && (next === null || breachDate < next)) next = breachDate;
  }
  return next;
}

/** Breached clocks the ticket has no record of yet. */
export function unrecordedBreaches(ticket: Doc<"tickets">, metrics: SlaMetrics): { metric: SlaMetricKey; breachDate: number }[] {
  const recorded = new Set((ticket.slaBreaches ?? []).map((breach) => breach.metric));
  return SLA_METRIC_KEYS.flatMap((metric) => {
    const { isBreached, breachDate } = metrics[metric];
    return isBreached === true && !recorded.has(metric) ? [{ metric, breachDate: breachDate ?? ticket.createdAt }] : [];
  });
}

/** The policy's targets, without absent keys (Convex values cannot hold `undefined`). */
function thresholdsOf(row: Doc<"slaPolicies">): SlaThresholds {
  const thresholds: SlaThresholds = {};
  if (row.firstResponseMillis !== undefined) thresholds.firstResponseMillis = row.firstResponseMillis;
  if (row.resolutionMillis !== undefined) thresholds.resolutionMillis = row.resolutionMillis;
  return thresholds;
}
