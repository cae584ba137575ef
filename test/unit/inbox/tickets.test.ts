import { describe, expect, it } from "vitest";
import type { SlaMetric, SlaThresholds, TicketTimeline } from "../../../core/sla";
import type { OperatorTicketSummary } from "../../../convex/model/ticketDetails";
import { dueAt, parsePriority, parseSort, parseState, queueArgs, sortQueue } from "../../../inbox/src/tickets/queue";
import { formatDuration, metricsAt, slaStatus, ticketBadge } from "../../../inbox/src/tickets/sla";
import { describeEvent } from "../../../inbox/src/tickets/ticket-history";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.UTC(2026, 11, 2, 9, 0); // a Wednesday, 09:00 UTC

type Clocked = Pick<OperatorTicketSummary, "clock" | "priority" | "updatedAt"> & { code: string };

function ticket(code: string, options: { createdAt?: number; priority?: OperatorTicketSummary["priority"]; updatedAt?: number; thresholds?: SlaThresholds | null; timeline?: Partial<TicketTimeline> } = {}): Clocked {
  const createdAt = options.createdAt ?? T0;
  return {
    code,
    priority: options.priority ?? "MEDIUM",
    updatedAt: options.updatedAt ?? createdAt,
    clock: {
      timeline: { createdAt, states: [{ state: "submitted", at: createdAt }], teams: [], assignees: [], ...options.timeline },
      thresholds: options.thresholds === undefined ? { firstResponseMillis: 30 * MINUTE, resolutionMillis: 4 * HOUR } : options.thresholds,
      officeHours: null,
    },
  };
}

describe("countdown formatting", () => {
  it("shows seconds, minutes with seconds, hours with minutes, days with hours", () => {
    expect(formatDuration(0)).toBe("0s");
    expect(formatDuration(45_999)).toBe("45s");
    expect(formatDuration(29 * MINUTE + 5_000)).toBe("29m 05s");
    expect(formatDuration(3 * HOUR + 20 * MINUTE + 59_000)).toBe("3h 20m");
    expect(formatDuration(52 * HOUR)).toBe("2d 4h");
    expect(formatDuration(-5_000)).toBe("0s");
  });
});

describe("SLA status against the page's clock", () => {
  const running: SlaMetric = { ticksMillis: 10 * MINUTE, finished: false, isPaused: false, thresholdMillis: 30 * MINUTE, isBreached: false, breachDate: T0 + 30 * MINUTE };

  it("counts down to the breach date, then reads Breached with how long ago", () => {
    expect(slaStatus(running, T0 + 10 * MINUTE)).toEqual({ kind: "due", text: "20m 00s left", dueInMillis: 20 * MINUTE });
    const breached = { ...running, ticksMillis: 31 * MINUTE, isBreached: true };
    expect(slaStatus(breached, T0 + 31 * MINUTE)).toEqual({ kind: "breached", text: "Breached 1m 00s ago" });
    expect(slaStatus({ ...breached, finished: true }, T0 + 40 * MINUTE)).toEqual({ kind: "breached", text: "Breached" });
  });

  it("says met, paused by state or calendar, and gives untargeted clocks their time", () => {
    expect(slaStatus({ ...running, finished: true }, T0).kind).toBe("met");
    expect(slaStatus({ ...running, isPaused: true, pauseReason: "BY_STATE" }, T0).text).toBe("Paused: waiting on customer");
    expect(slaStatus({ ...running, isPaused: true, pauseReason: "BY_CALENDAR" }, T0).text).toBe("Paused: outside office hours");
    expect(slaStatus({ ticksMillis: 90_000, finished: false, isPaused: false }, T0)).toEqual({ kind: "none", text: "1m 30s" });
  });

  it("recomputes a ticket's clocks from its timeline: the badge turns Breached as the clock passes the target", () => {
    const fresh = ticket("TK-1");
    expect(ticketBadge(metricsAt(fresh, T0 + 29 * MINUTE), T0 + 29 * MINUTE)).toEqual({ kind: "due", text: "1m 00s left", dueInMillis: MINUTE });
    expect(ticketBadge(metricsAt(fresh, T0 + 30 * MINUTE), T0 + 30 * MINUTE)?.kind).toBe("breached");
    // Answered in time: the resolution target is the nearest one left.
    const answered = ticket("TK-2", { timeline: { firstResponseAt: T0 + 5 * MINUTE } });
    expect(ticketBadge(metricsAt(answered, T0 + HOUR), T0 + HOUR)?.text).toBe("3h 00m left");
    expect(ticketBadge(metricsAt(ticket("TK-3", { thresholds: null }), T0 + HOUR), T0 + HOUR)).toBeNull();
  });
});

describe("the queue's filters and orders", () => {
  it("reads filter controls, treating anything unknown as any", () => {
    expect(parseState("waiting_on_customer")).toBe("waiting_on_customer");
    expect(parseState("")).toBeNull();
    expect(parseState("closed")).toBeNull();
    expect(parsePriority("HIGH")).toBe("HIGH");
    expect(parsePriority("high")).toBeNull();
    expect(parseSort("due")).toBe("due");
    expect(parseSort("whatever")).toBe("updated");
    expect(queueArgs({ state: null, priority: null, sort: "due" })).toEqual({});
    expect(queueArgs({ state: "resolved", priority: "LOW", sort: "updated" })).toEqual({ state: "resolved", priority: "LOW" });
  });

  const queue = [
    ticket("TK-1", { priority: "LOW", createdAt: T0 - 2 * HOUR, updatedAt: T0 - 2 * HOUR }),
    ticket("TK-2", { priority: "CRITICAL", createdAt: T0 - 10 * MINUTE, updatedAt: T0 - 10 * MINUTE }),
    ticket("TK-3", { priority: "MEDIUM", createdAt: T0 - 20 * MINUTE, updatedAt: T0 }),
    ticket("TK-4", { priority: "CRITICAL", createdAt: T0 - 5 * MINUTE, updatedAt: T0 - MINUTE, thresholds: null }),
  ];
  const codes = (list: readonly Clocked[]) => list.map((entry) => entry.code);

  it("orders by last update, by priority (ties by update), and by SLA due date (breached first, no target last)", () => {
    expect(codes(sortQueue(queue, "updated", T0))).toEqual(["TK-3", "TK-4", "TK-2", "TK-1"]);
    expect(codes(sortQueue(queue, "priority", T0))).toEqual(["TK-4", "TK-2", "TK-3", "TK-1"]);
    expect(dueAt(queue[0]!, T0)).toBe(-Infinity);
    expect(dueAt(queue[2]!, T0)).toBe(T0 + 10 * MINUTE);
    expect(dueAt(queue[3]!, T0)).toBe(Infinity);
    expect(codes(sortQueue(queue, "due", T0))).toEqual(["TK-1", "TK-3", "TK-2", "TK-4"]);
    expect(codes(queue)).toEqual(["TK-1", "TK-2", "TK-3", "TK-4"]);
  });
});

describe("ticket history lines", () => {
  it("name what changed and who changed it", () => {
    const by = { id: "m1", name: "Ada Admin" };
    expect(describeEvent({ kind: "state", state: "in_progress", at: T0, by })).toBe("State set to In progress by Ada Admin");
    expect(describeEvent({ kind: "priority", priority: "CRITICAL", at: T0, by: null })).toBe("Priority set to Critical");
    expect(describeEvent({ kind: "assignee", assignee: null, at: T0, by })).toBe("Unassigned by Ada Admin");
    expect(describeEvent({ kind: "supportTeam", supportTeam: { id: "t", name: "Billing" }, at: T0, by })).toBe("Moved to Billing by Ada Admin");
    expect(describeEvent({ kind: "note", state: "resolved", note: "Fixed", at: T0 })).toBe("Note to the customer: Fixed");
  });
});
