import { afterEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { bootVisitor, expectAppError, type TestBackend } from "../helpers";
import { ticketSetup } from "./support";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

afterEach(() => {
  vi.useRealTimers();
});

async function ticketRow(t: TestBackend, id: string) {
  const row = await t.run(async (ctx) => ctx.db.get(id as Id<"tickets">));
  if (row === null) throw new Error("ticket gone");
  return row;
}

async function jobState(t: TestBackend, jobId: Id<"_scheduled_functions">) {
  return (await t.run(async (ctx) => ctx.db.system.get(jobId)))?.state.kind;
}

describe("SLA policies", () => {
  test("are set per priority and listed for every priority; targets are checked and named", async () => {
    const { admin, agent, workspaceId } = await ticketSetup();
    await admin.mutation(api.slaPolicies.set, { workspaceId, priority: "HIGH", firstResponseMillis: HOUR, resolutionMillis: 8 * HOUR });
    expect(await agent.query(api.slaPolicies.list, { workspaceId })).toEqual([
      { priority: "CRITICAL", firstResponseMillis: null, resolutionMillis: null },
      { priority: "HIGH", firstResponseMillis: HOUR, resolutionMillis: 8 * HOUR },
      { priority: "MEDIUM", firstResponseMillis: null, resolutionMillis: null },
      { priority: "LOW", firstResponseMillis: null, resolutionMillis: null },
      { priority: "MINOR", firstResponseMillis: null, resolutionMillis: null },
    ]);
    const set = (firstResponseMillis: number | null, resolutionMillis: number | null) =>
      admin.mutation(api.slaPolicies.set, { workspaceId, priority: "HIGH", firstResponseMillis, resolutionMillis });
    await expectAppError(set(59_999, null), "INVALID_ARGUMENT", "firstResponseMillis");
    await expectAppError(set(HOUR, 1.5), "INVALID_ARGUMENT", "resolutionMillis");
    await expectAppError(set(HOUR, 366 * 24 * HOUR), "INVALID_ARGUMENT", "resolutionMillis");
    await set(null, 4 * HOUR);
    expect((await agent.query(api.slaPolicies.list, { workspaceId }))[1]).toEqual({ priority: "HIGH", firstResponseMillis: null, resolutionMillis: 4 * HOUR });
    await set(null, null);
    expect((await agent.query(api.slaPolicies.list, { workspaceId }))[1]).toEqual({ priority: "HIGH", firstResponseMillis: null, resolutionMillis: null });
  });
});

describe("SLA clocks on the server", () => {
  test("queries return the metrics with breach dates through the workspace's office hours", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.parse("2026-03-27T16:30:00+01:00")); // a Friday in Paris, before the clocks go forward
    const { t, admin, workspaceId, alice } = await ticketSetup();
    await t.run(async (ctx) => {
      const workspace = await ctx.db.get(workspaceId);
      if (workspace === null) throw new Error("no workspace");
      const officeHours = { timeZone: "Europe/Paris", intervals: [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "18:00" })) };
      await ctx.db.patch(workspaceId, { messenger: { ...workspace.messenger, officeHours } });
    });
    await admin.mutation(api.slaPolicies.set, { workspaceId, priority: "MEDIUM", firstResponseMillis: 2 * HOUR, resolutionMillis: 8 * HOUR });
    const filed = await t.mutation(api.tickets.create, { sessionToken: alice.sessionToken, title: "Late one", fields: { description: "…" } });

    vi.setSystemTime(Date.parse("2026-03-28T11:00:00+01:00")); // Saturday
    const detail = await admin.query(api.ticketsInbox.get, { workspaceId, ticket: filed.id });
    expect(detail.metrics.TIME_TO_FIRST_RESPONSE).toEqual({
      ticksMillis: 90 * MINUTE,
      finished: false,
      isPaused: true,
      pauseReason: "BY_CALENDAR",
      thresholdMillis: 2 * HOUR,
      isBreached: false,
      breachDate: Date.parse("2026-03-30T09:30:00+02:00"),
    });
    expect(detail.metrics.TIME_TO_RESOLVE.breachDate).toBe(Date.parse("2026-03-30T15:30:00+02:00"));
    expect(detail.metricsAt).toBe(Date.parse("2026-03-28T11:00:00+01:00"));
    expect(detail.clock.officeHours?.timeZone).toBe("Europe/Paris");
    expect(detail.clock.thresholds).toEqual({ firstResponseMillis: 2 * HOUR, resolutionMillis: 8 * HOUR });
  });

  test("a check scheduled at the breach date records the breach; changes re-plan it and stale runs do nothing", async () => {
    vi.useFakeTimers();
    const start = Date.parse("2026-01-12T10:00:00Z");
    vi.setSystemTime(start);
    const { t, admin, agent, workspaceId, ticket, agentId } = await ticketSetup();
    await admin.mutation(api.slaPolicies.set, { workspaceId, priority: "MEDIUM", firstResponseMillis: HOUR, resolutionMillis: 4 * HOUR });
    await t.finishInProgressScheduledFunctions();
    vi.advanceTimersByTime(0);
    await t.finishInProgressScheduledFunctions(); // the re-plan of open tickets after the policy change

    const planned = await ticketRow(t, ticket.id);
    const firstCheck = planned.slaCheck;
    if (firstCheck === undefined) throw new Error("no check planned");
    expect(firstCheck.at).toBe(start + HOUR);

    // Assigning re-plans: the earlier job is cancelled, a new one is due at the same instant.
    await agent.mutation(api.ticketsInbox.update, { workspaceId, ticket: ticket.id, assigneeId: agentId });
    const replanned = (await ticketRow(t, ticket.id)).slaCheck;
    expect(replanned?.jobId).not.toBe(firstCheck.jobId);
    expect(await jobState(t, firstCheck.jobId)).toBe("canceled");
    // A run carrying the old revision finds a newer plan and leaves the ticket alone.
    expect(await t.mutation(internal.ticketsSla.checkBreaches, { ticketId: ticket.id as Id<"tickets">, revision: firstCheck.revision })).toEqual({
      stale: true,
      breaches: [],
    });

    vi.advanceTimersByTime(HOUR - 1);
    await t.finishInProgressScheduledFunctions();
    expect((await ticketRow(t, ticket.id)).slaBreaches ?? []).toEqual([]);

    vi.advanceTimersByTime(1);
    await t.finishInProgressScheduledFunctions();
    const breached = await ticketRow(t, ticket.id);
    expect(breached.slaBreaches).toEqual([{ metric: "TIME_TO_FIRST_RESPONSE", breachDate: start + HOUR, recordedAt: start + HOUR }]);
    // The next check waits for the resolution target.
    expect(breached.slaCheck?.at).toBe(start + 4 * HOUR);

    // Resolving first: the resolution clock stops, nothing is left to check.
    await agent.mutation(api.ticketsInbox.update, { workspaceId, ticket: ticket.id, state: "resolved" });
    const resolved = await ticketRow(t, ticket.id);
    expect(resolved.slaCheck).toBeUndefined();
    expect(await jobState(t, breached.slaCheck?.jobId as Id<"_scheduled_functions">)).toBe("canceled");
    vi.advanceTimersByTime(4 * HOUR);
    await t.finishInProgressScheduledFunctions();
    expect((await ticketRow(t, ticket.id)).slaBreaches?.map((breach) => breach.metric)).toEqual(["TIME_TO_FIRST_RESPONSE"]);
    const detail = await admin.query(api.ticketsInbox.get, { workspaceId, ticket: ticket.id });
    expect(detail.metrics.TIME_TO_RESOLVE).toMatchObject({ finished: true, isBreached: false, ticksMillis: HOUR });
    expect(detail.slaBreaches).toHaveLength(1);
  });

  test("the first reply stops the first-response clock before it breaches", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse("2026-01-12T10:00:00Z"));
    const { t, admin, agent, workspaceId } = await ticketSetup();
    await admin.mutation(api.slaPolicies.set, { workspaceId, priority: "HIGH", firstResponseMillis: HOUR, resolutionMillis: null });
    const urgent = await t.mutation(api.tickets.create, {
      sessionToken: (await bootVisitor(t, "visitor-eve")).sessionToken,
      title: "Site down",
      fields: { description: "500s" },
    });
    await agent.mutation(api.ticketsInbox.update, { workspaceId, ticket: urgent.id, priority: "HIGH" });
    expect((await ticketRow(t, urgent.id)).slaCheck?.at).toBe(Date.parse("2026-01-12T11:00:00Z"));
    vi.advanceTimersByTime(30 * MINUTE);
    await agent.mutation(api.ticketsInbox.reply, { workspaceId, ticket: urgent.id, body: "Looking now" });
    const answered = await ticketRow(t, urgent.id);
    expect(answered.firstResponseAt).toBe(Date.parse("2026-01-12T10:30:00Z"));
    expect(answered.slaCheck).toBeUndefined();
    vi.advanceTimersByTime(HOUR);
    await t.finishInProgressScheduledFunctions();
    expect((await ticketRow(t, urgent.id)).slaBreaches).toBeUndefined();
  });
});
