import { describe, expect, it } from "vitest";
import { businessCalendar } from "../../../../core/sla/calendar";
import { computeSlaMetrics } from "../../../../core/sla/metrics";
import type { TicketState, TicketTimeline } from "../../../../core/sla/types";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (iso: string) => Date.parse(iso);
const paris = businessCalendar({ timeZone: "Europe/Paris", intervals: [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "18:00" })) });
const POLICY = { firstResponseMillis: HOUR, resolutionMillis: 8 * HOUR };

/** A ticket filed at `created` (Paris wall time in January, UTC+1) that went through `states`. */
function ticket(created: string, states: [TicketState, string][] = [], extra: Partial<TicketTimeline> = {}): TicketTimeline {
  const createdAt = at(created);
  return {
    createdAt,
    states: [{ state: "submitted", at: createdAt }, ...states.map(([state, when]) => ({ state, at: at(when) }))],
    teams: [],
    assignees: [],
    ...extra,
  };
}

describe("SLA metrics", () => {
  it("pause BY_CALENDAR at night and fall due the next business morning", () => {
    const filed = ticket("2026-01-12T17:30:00+01:00"); // Monday
    const metrics = computeSlaMetrics(filed, POLICY, paris, at("2026-01-12T20:00:00+01:00"));
    expect(metrics.TIME_TO_FIRST_RESPONSE).toEqual({
      ticksMillis: 30 * MINUTE,
      finished: false,
      isPaused: true,
      pauseReason: "BY_CALENDAR",
      thresholdMillis: HOUR,
      isBreached: false,
      breachDate: at("2026-01-13T09:30:00+01:00"),
    });
    expect(metrics.TIME_TO_RESOLVE.breachDate).toBe(at("2026-01-13T16:30:00+01:00"));
    expect(metrics.TIME_IN_CURRENT_STATE).toEqual({ ticksMillis: 30 * MINUTE, finished: false, isPaused: true, pauseReason: "BY_CALENDAR" });
  });

  it("breach exactly when the clock reaches the threshold, not a millisecond before", () => {
    const filed = ticket("2026-01-12T17:30:00+01:00");
    const due = at("2026-01-13T09:30:00+01:00");
    const before = computeSlaMetrics(filed, POLICY, paris, due - 1).TIME_TO_FIRST_RESPONSE;
    expect(before).toMatchObject({ ticksMillis: HOUR - 1, isBreached: false, isPaused: false, breachDate: due });
    const onTime = computeSlaMetrics(filed, POLICY, paris, due).TIME_TO_FIRST_RESPONSE;
    expect(onTime).toMatchObject({ ticksMillis: HOUR, isBreached: true, breachDate: due, finished: false });
    // Answered later: finished, still breached, and the breach keeps its date.
    const answered = computeSlaMetrics({ ...filed, firstResponseAt: due + 10 * MINUTE }, POLICY, paris, at("2026-01-14T12:00:00+01:00"));
    expect(answered.TIME_TO_FIRST_RESPONSE).toEqual({
      ticksMillis: HOUR + 10 * MINUTE,
      finished: true,
      isPaused: false,
      thresholdMillis: HOUR,
      isBreached: true,
      breachDate: due,
    });
  });

  it("stop the first-response clock at the first reply", () => {
    const filed = ticket("2026-01-12T17:30:00+01:00", [], { firstResponseAt: at("2026-01-13T09:10:00+01:00") });
    const metrics = computeSlaMetrics(filed, POLICY, paris, at("2026-01-13T15:00:00+01:00"));
    expect(metrics.TIME_TO_FIRST_RESPONSE).toEqual({ ticksMillis: 40 * MINUTE, finished: true, isPaused: false, thresholdMillis: HOUR, isBreached: false });
    expect(metrics.TIME_TO_RESOLVE).toMatchObject({ ticksMillis: 6.5 * HOUR, finished: false, isBreached: false });
  });

  it("pause BY_STATE while waiting on the customer and resume on reopening", () => {
    const filed = ticket("2026-01-13T09:00:00+01:00", [
      ["in_progress", "2026-01-13T10:00:00+01:00"],
      ["waiting_on_customer", "2026-01-13T11:00:00+01:00"],
      ["in_progress", "2026-01-13T15:00:00+01:00"],
    ]);
    const waiting = computeSlaMetrics(filed, POLICY, paris, at("2026-01-13T12:00:00+01:00"));
    expect(waiting.TIME_TO_RESOLVE).toEqual({
      ticksMillis: 2 * HOUR,
      finished: false,
      isPaused: true,
      pauseReason: "BY_STATE",
      thresholdMillis: 8 * HOUR,
      isBreached: false,
    });
    // The state itself is what TIME_IN_CURRENT_STATE measures: it keeps counting.
    expect(waiting.TIME_IN_CURRENT_STATE).toEqual({ ticksMillis: HOUR, finished: false, isPaused: false });
    // A pause BY_STATE wins over the calendar's.
    const stillWaiting = { ...filed, states: filed.states.slice(0, 3) };
    expect(computeSlaMetrics(stillWaiting, POLICY, paris, at("2026-01-13T22:00:00+01:00")).TIME_TO_RESOLVE.pauseReason).toBe("BY_STATE");
    const resumed = computeSlaMetrics(filed, POLICY, paris, at("2026-01-13T16:00:00+01:00"));
    expect(resumed.TIME_TO_RESOLVE).toMatchObject({ ticksMillis: 3 * HOUR, isPaused: false, breachDate: at("2026-01-14T12:00:00+01:00") });
  });

  it("finish on resolution, and count again when a ticket is reopened", () => {
    const resolved = ticket("2026-01-13T09:00:00+01:00", [["resolved", "2026-01-13T12:00:00+01:00"]]);
    const closed = computeSlaMetrics(resolved, POLICY, paris, at("2026-01-15T12:00:00+01:00"));
    expect(closed.TIME_TO_RESOLVE).toEqual({ ticksMillis: 3 * HOUR, finished: true, isPaused: false, thresholdMillis: 8 * HOUR, isBreached: false });
    expect(closed.TIME_IN_CURRENT_STATE).toEqual({ ticksMillis: 0, finished: true, isPaused: false });
    expect(closed.TIME_TO_FIRST_RESPONSE.finished).toBe(true);
    const reopened = { ...resolved, states: [...resolved.states, { state: "in_progress" as const, at: at("2026-01-15T10:00:00+01:00") }] };
    expect(computeSlaMetrics(reopened, POLICY, paris, at("2026-01-15T12:00:00+01:00")).TIME_TO_RESOLVE).toMatchObject({ ticksMillis: 5 * HOUR, finished: false });
  });

  it("record a breach that happened while the ticket was open, once it is cancelled", () => {
    const late = ticket("2026-01-12T09:00:00+01:00", [["cancelled", "2026-01-13T12:00:00+01:00"]]);
    expect(computeSlaMetrics(late, POLICY, paris, at("2026-01-20T12:00:00+01:00")).TIME_TO_RESOLVE).toEqual({
      ticksMillis: 12 * HOUR,
      finished: true,
      isPaused: false,
      thresholdMillis: 8 * HOUR,
      isBreached: true,
      breachDate: at("2026-01-12T17:00:00+01:00"),
    });
  });

  it("time the current support team and the wait for an assignee in it", () => {
    const filed = ticket("2026-01-13T09:00:00+01:00", [], {
      teams: [{ teamId: "billing", at: at("2026-01-13T10:00:00+01:00") }],
      assignees: [
        { assigneeId: "ana", at: at("2026-01-13T09:30:00+01:00") },
        { assigneeId: null, at: at("2026-01-13T11:00:00+01:00") },
        { assigneeId: "bo", at: at("2026-01-13T13:00:00+01:00") },
      ],
    });
    const now = at("2026-01-13T17:00:00+01:00");
    const metrics = computeSlaMetrics(filed, POLICY, paris, now);
    expect(metrics.TOTAL_TIME_IN_CURRENT_SUPPORT_TEAM).toEqual({ ticksMillis: 7 * HOUR, finished: false, isPaused: false });
    // Unassigned in the team from 11:00 to 13:00 only; ana's assignment predates the team.
    expect(metrics.TIME_WAITING_ASSIGNATION_IN_CURRENT_SUPPORT_TEAM).toEqual({ ticksMillis: 2 * HOUR, finished: true, isPaused: false });
    const unassigned = computeSlaMetrics({ ...filed, assignees: [] }, POLICY, paris, now);
    expect(unassigned.TIME_WAITING_ASSIGNATION_IN_CURRENT_SUPPORT_TEAM).toEqual({ ticksMillis: 7 * HOUR, finished: false, isPaused: false });
    const noTeam = computeSlaMetrics({ ...filed, teams: [] }, POLICY, paris, at("2026-01-13T10:00:00+01:00"));
    expect(noTeam.TOTAL_TIME_IN_CURRENT_SUPPORT_TEAM.ticksMillis).toBe(HOUR);
  });

  it("fall due through the spring-forward weekend in local business hours (Paris)", () => {
    const filed = ticket("2026-03-27T17:00:00+01:00"); // Friday, CET
    const metrics = computeSlaMetrics(filed, { resolutionMillis: 4 * HOUR }, paris, at("2026-03-28T12:00:00+01:00"));
    expect(metrics.TIME_TO_RESOLVE).toMatchObject({ ticksMillis: HOUR, isPaused: true, pauseReason: "BY_CALENDAR" });
    expect(metrics.TIME_TO_RESOLVE.breachDate).toBe(at("2026-03-30T12:00:00+02:00"));
    const monday = computeSlaMetrics(filed, { resolutionMillis: 4 * HOUR }, paris, at("2026-03-30T12:00:00+02:00"));
    expect(monday.TIME_TO_RESOLVE).toMatchObject({ ticksMillis: 4 * HOUR, isBreached: true, breachDate: at("2026-03-30T10:00:00Z") });
  });

  it("fall due through the fall-back weekend in local business hours (Paris)", () => {
    const filed = ticket("2026-10-23T17:00:00+02:00"); // Friday, CEST
    const metrics = computeSlaMetrics(filed, { firstResponseMillis: 2 * HOUR }, paris, at("2026-10-25T02:30:00+01:00"));
    expect(metrics.TIME_TO_FIRST_RESPONSE.breachDate).toBe(at("2026-10-26T10:00:00+01:00"));
    expect(metrics.TIME_TO_RESOLVE).toEqual({ ticksMillis: HOUR, finished: false, isPaused: true, pauseReason: "BY_CALENDAR" });
  });

  it("count wall-clock time without a calendar, carry no thresholds without a policy, ignore the future", () => {
    const filed = ticket("2026-01-17T10:00:00Z", [["resolved", "2026-01-17T14:00:00Z"]], { firstResponseAt: at("2026-01-17T13:00:00Z") });
    const metrics = computeSlaMetrics(filed, null, null, at("2026-01-17T12:00:00Z"));
    expect(metrics.TIME_TO_FIRST_RESPONSE).toEqual({ ticksMillis: 2 * HOUR, finished: false, isPaused: false });
    expect(metrics.TIME_TO_RESOLVE).toEqual({ ticksMillis: 2 * HOUR, finished: false, isPaused: false });
    expect(Object.keys(metrics)).toEqual([
      "TIME_IN_CURRENT_STATE",
      "TIME_WAITING_ASSIGNATION_IN_CURRENT_SUPPORT_TEAM",
      "TOTAL_TIME_IN_CURRENT_SUPPORT_TEAM",
      "TIME_TO_FIRST_RESPONSE",
      "TIME_TO_RESOLVE",
    ]);
  });

  it("give no breach date for a schedule that never opens", () => {
    const never = businessCalendar({ timeZone: "Europe/Paris", intervals: [] });
    const metric = computeSlaMetrics(ticket("2026-01-12T10:00:00+01:00"), POLICY, never, at("2026-01-12T11:00:00+01:00")).TIME_TO_RESOLVE;
    expect(metric).toEqual({ ticksMillis: 0, finished: false, isPaused: true, pauseReason: "BY_CALENDAR", thresholdMillis: 8 * HOUR, isBreached: false });
  });
});
