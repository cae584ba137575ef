import { TICKET_PRIORITIES, TICKET_STATES, type TicketPriority, type TicketState } from "../../../core/sla";
import type { OperatorTicketSummary } from "../../../convex/model/ticketDetails";
import { metricsAt, TARGETED_METRICS } from "./sla";

/*
 * The ticket queue's filters and orders. The server filters by state and priority (on
 * indexes, newest update first); the page orders what it received by urgency when asked.
 */

export const STATE_LABELS: Record<TicketState, string> = {
  submitted: "Submitted",
  in_progress: "In progress",
  waiting_on_customer: "Waiting on customer",
  resolved: "Resolved",
  cancelled: "Cancelled",
};

export const PRIORITY_LABELS: Record<TicketPriority, string> = {
  CRITICAL: "Critical",
  HIGH: "High",
  MEDIUM: "Medium",
  LOW: "Low",
  MINOR: "Minor",
};

export const SORTS = [
  { value: "updated", label: "Recently updated" },
  { value: "priority", label: "Priority" },
  { value: "due", label: "SLA due soonest" },
] as const;
export type QueueSort = (typeof SORTS)[number]["value"];

export type QueueFilter = { state: TicketState | null; priority: TicketPriority | null; sort: QueueSort };

export const DEFAULT_FILTER: QueueFilter = { state: null, priority: null, sort: "updated" };

/** Reads a filter control's value: "" means any; anything unknown is any too. */
export function parseState(value: string): TicketState | null {
  return (TICKET_STATES as readonly string[]).includes(value) ? (value as TicketState) : null;
}

export function parsePriority(value: string): TicketPriority | null {
  return (TICKET_PRIORITIES as readonly string[]).includes(value) ? (value as TicketPriority) : null;
}

export function parseSort(value: string): QueueSort {
  return SORTS.find((sort) => sort.value === value)?.value ?? "updated";
}

/** The arguments of `ticketsInbox:list` for a filter; absent keys mean "any". */
export function queueArgs(filter: QueueFilter): { state?: TicketState; priority?: TicketPriority } {
  return { ...(filter.state === null ? {} : { state: filter.state }), ...(filter.priority === null ? {} : { priority: filter.priority }) };
}

/**
 * When the nearest target falls due, or -Infinity once one is breached (those come first);
 * Infinity for tickets with nothing running against a target.
 */
export function dueAt(ticket: Pick<OperatorTicketSummary, "clock">, now: number): number {
  const metrics = metricsAt(ticket, now);
  let nearest = Infinity;
  for (const key of TARGETED_METRICS) {
    const metric = metrics[key];
    if (metric.isBreached === true && !metric.finished) return -Infinity;
    if (!metric.finished && !metric.isPaused && metric.breachDate !== undefined) nearest = Math.min(nearest, metric.breachDate);
  }
  return nearest;
}

type Sortable = Pick<OperatorTicketSummary, "priority" | "updatedAt" | "clock">;

/** A new array in the asked order; ties keep the most recently updated first. */
export function sortQueue<T extends Sortable>(tickets: readonly T[], sort: QueueSort, now: number): T[] {
  const byUpdate = (a: T, b: T) => b.updatedAt - a.updatedAt;
  if (sort === "priority") {
    const rank = (ticket: T) => TICKET_PRIORITIES.indexOf(ticket.priority);
    return [...tickets].sort((a, b) => rank(a) - rank(b) || byUpdate(a, b));
  }
  if (sort === "due") {
    const due = new Map(tickets.map((ticket) => [ticket, dueAt(ticket, now)]));
    return [...tickets].sort((a, b) => {
      const [x, y] = [due.get(a)!, due.get(b)!];
      return x === y ? byUpdate(a, b) : x < y ? -1 : 1;
    });
  }
  return [...tickets].sort(byUpdate);
}
