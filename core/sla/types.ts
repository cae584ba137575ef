/**
 * What the SLA clocks read and return. Everything is epoch milliseconds, so the
 * server (scheduling breach checks) and a browser (drawing countdowns against its
 * own clock) compute the same figures from the same stored timestamps.
 */

export const TICKET_STATES = ["submitted", "in_progress", "waiting_on_customer", "resolved", "cancelled"] as const;
export type TicketState = (typeof TICKET_STATES)[number];

/** States that end a ticket's clocks (until it is reopened). */
export const CLOSED_STATES: readonly TicketState[] = ["resolved", "cancelled"];
/** The state that pauses the SLA clocks: the team waits for the customer, not the other way round. */
export const PAUSING_STATE: TicketState = "waiting_on_customer";

export const TICKET_PRIORITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "MINOR"] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const DEFAULT_PRIORITY: TicketPriority = "MEDIUM";

export const SLA_METRIC_KEYS = [
  "TIME_IN_CURRENT_STATE",
  "TIME_WAITING_ASSIGNATION_IN_CURRENT_SUPPORT_TEAM",
  "TOTAL_TIME_IN_CURRENT_SUPPORT_TEAM",
  "TIME_TO_FIRST_RESPONSE",
  "TIME_TO_RESOLVE",
] as const;
export type SlaMetricKey = (typeof SLA_METRIC_KEYS)[number];

export type PauseReason = "BY_CALENDAR" | "BY_STATE";

export interface SlaMetric {
  /** Business time counted so far. */
  ticksMillis: number;
  /** The clock has stopped for good (until the ticket is reopened or reassigned). */
  finished: boolean;
  /** Not finished, but not counting at `now`. */
  isPaused: boolean;
  pauseReason?: PauseReason;
  /** Only on metrics the policy sets a target for. */
  thresholdMillis?: number;
  /** `ticksMillis >= thresholdMillis`: reaching the target exactly counts as a breach. */
  isBreached?: boolean;
  /** When the clock reached (or, running from `now` through business hours, will reach) the threshold. */
  breachDate?: number;
}

export type SlaMetrics = Record<SlaMetricKey, SlaMetric>;

/** Everything stored about a ticket that its clocks depend on. Lists are oldest first. */
export interface TicketTimeline {
  createdAt: number;
  /** Every state the ticket entered, the first one at creation. Empty means `submitted` since creation. */
  states: readonly { state: TicketState; at: number }[];
  /** Support team changes; before the first one (or with none) the ticket had no team. */
  teams: readonly { teamId: string | null; at: number }[];
  /** Assignee changes; before the first one the ticket was unassigned. */
  assignees: readonly { assigneeId: string | null; at: number }[];
  /** The first reply from the team the customer could see. */
  firstResponseAt?: number | undefined;
}

/** Targets of the ticket's policy (per workspace and priority); absent means no target. */
export interface SlaThresholds {
  firstResponseMillis?: number | undefined;
  resolutionMillis?: number | undefined;
}

/** One opening interval: `day` 0 = Sunday … 6 = Saturday; "HH:MM" wall times, "24:00" may close a day. */
export interface OpeningInterval {
  day: number;
  open: string;
  close: string;
}

/** A weekly schedule in an IANA time zone; an interval closing at or before it opens runs past midnight. */
export interface WeeklyHours {
  timeZone: string;
  intervals: readonly OpeningInterval[];
}
