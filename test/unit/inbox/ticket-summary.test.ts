import { describe, expect, it } from "vitest";
import type { OperatorTicketSummary } from "../../../convex/model/ticketDetails";
import { selectedTicketPayload, ticketSummary } from "../../../inbox/src/tickets/ticket-summary";

const HOUR = 3_600_000;
const created = Date.UTC(2026, 11, 1, 9);

function ticket(overrides: Partial<OperatorTicketSummary> = {}): OperatorTicketSummary {
  return {
    id: "t1",
    code: "TK-7",
    number: 7,
    subject: "Card declined",
    state: "waiting_on_customer",
    priority: "HIGH",
    author: { visitorId: "v1", name: "Maya  van Okafor", email: null },
    assignee: { id: "m1", name: "Alan Agent" },
    supportTeam: { id: "team1", name: "Billing" },
    createdAt: created,
    updatedAt: created,
    metrics: {} as OperatorTicketSummary["metrics"],
    metricsAt: created,
    clock: {
      timeline: { createdAt: created, states: [{ state: "submitted", at: created }, { state: "waiting_on_customer", at: created + HOUR }], teams: [], assignees: [] },
      thresholds: { firstResponseMillis: HOUR, resolutionMillis: 8 * HOUR },
      officeHours: null,
    },
    slaBreaches: [],
    ...overrides,
  };
}

describe("tickets as custom apps see them", () => {
  it("speak the protocol's state words and carry the assignee, the creation date and the clocks at that moment", () => {
    const summary = ticketSummary(ticket(), created + 2 * HOUR);
    expect(summary).toMatchObject({
      ticketCode: "TK-7",
      subject: "Card declined",
      state: "OPEN",
      priority: "HIGH",
      assignee: { id: "m1", name: "Alan Agent" },
      creationDate: "2026-12-01T09:00:00.000Z",
    });
    // Waiting on the customer: the resolution clock stopped after the first hour, and the first response is late.
    expect(summary.metrics.TIME_TO_RESOLVE).toMatchObject({ ticksMillis: HOUR, isPaused: true, pauseReason: "BY_STATE" });
    expect(summary.metrics.TIME_TO_FIRST_RESPONSE).toMatchObject({ isBreached: true, breachDate: created + HOUR });
    expect(Object.keys(summary.metrics).sort()).toEqual(
      ["TIME_IN_CURRENT_STATE", "TIME_TO_FIRST_RESPONSE", "TIME_TO_RESOLVE", "TIME_WAITING_ASSIGNATION_IN_CURRENT_SUPPORT_TEAM", "TOTAL_TIME_IN_CURRENT_SUPPORT_TEAM"].sort(),
    );
    expect(ticketSummary(ticket({ assignee: null, state: "cancelled" }), created)).not.toHaveProperty("assignee");
    expect(ticketSummary(ticket({ state: "cancelled" }), created).state).toBe("CANCELLED");
  });

  it("name the team and split the author's name for ticket:selected", () => {
    expect(selectedTicketPayload(ticket(), created)).toMatchObject({ supportTeam: "Billing", author: { firstName: "Maya", lastName: "van Okafor" } });
    const anonymous = selectedTicketPayload(ticket({ author: { visitorId: "v1", name: null, email: null }, supportTeam: null }), created);
    expect(anonymous).not.toHaveProperty("author");
    expect(anonymous).not.toHaveProperty("supportTeam");
  });
});
