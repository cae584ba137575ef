import { describe, expect, it } from "vitest";
import { eventBelongsTo, protocolTicketState } from "../../../../core/apps/events";
import { actionMessage, eventMessage, eventNameFromWire, failureResponse, readActionEnvelope, successResponse, VOCABULARIES } from "../../../../core/apps/protocol";

const ours = VOCABULARIES.opencom;
const theirs = VOCABULARIES["bm-widget"];

describe("two vocabularies, one meaning", () => {
  it("names the ready event and the message types per protocol", () => {
    expect(eventMessage(ours, "app:ready", "CHATS", { screen: "CHATS" }, 5)).toEqual({ messageType: "OPENCOM_APP_EVENT", event: "app:ready", screen: "CHATS", payload: { screen: "CHATS" }, timestamp: 5 });
    expect(eventMessage(theirs, "app:ready", "TICKETS", { screen: "TICKETS" }, 5)).toMatchObject({ messageType: "BM_WIDGET_EVENT", event: "widget:ready" });
    expect(eventMessage(theirs, "chat:selected", "CHATS", { customerId: "c1" }, 1)).toMatchObject({ event: "chat:selected" });
    expect(eventNameFromWire(theirs, "widget:ready")).toBe("app:ready");
    expect(eventNameFromWire(ours, "widget:ready")).toBe("widget:ready");
  });

  it("reads an action in its own vocabulary only, with the name field of that vocabulary", () => {
    const bm = actionMessage(theirs, "SLA", "navigateToTicket", "TICKETS", { ticketCode: "TK-1" }, "req_1");
    expect(bm).toEqual({ messageType: "BM_WIDGET_ACTION", widgetName: "SLA", action: "navigateToTicket", screen: "TICKETS", payload: { ticketCode: "TK-1" }, requestId: "req_1" });
    expect(readActionEnvelope(theirs, bm)).toEqual({ kind: "action", envelope: { requestId: "req_1", appName: "SLA", action: "navigateToTicket", screen: "TICKETS", payload: { ticketCode: "TK-1" } } });
    expect(readActionEnvelope(ours, bm)).toEqual({ kind: "ignore" });
    expect(readActionEnvelope(ours, actionMessage(ours, "A", "fillInput", "CHATS", {}, "r"))).toMatchObject({ kind: "action", envelope: { appName: "A" } });
  });

  it("ignores what is not an action and answers an action without a request id", () => {
    for (const data of [null, "OPENCOM_APP_ACTION", [], { messageType: "OPENCOM_APP_EVENT" }, 7]) expect(readActionEnvelope(ours, data)).toEqual({ kind: "ignore" });
    expect(readActionEnvelope(ours, { messageType: "OPENCOM_APP_ACTION", action: "fillInput" })).toEqual({ kind: "malformed", requestId: "", reason: "requestId must be a string of 1–100 characters." });
    expect(readActionEnvelope(ours, { messageType: "OPENCOM_APP_ACTION", requestId: "x".repeat(101) })).toMatchObject({ kind: "malformed" });
  });

  it("shapes responses with requestId, success, error and data", () => {
    expect(successResponse(theirs, "r", { token: "t" })).toEqual({ messageType: "BM_WIDGET_ACTION_RESPONSE", requestId: "r", success: true, data: { token: "t" } });
    expect(successResponse(ours, "r")).toEqual({ messageType: "OPENCOM_APP_ACTION_RESPONSE", requestId: "r", success: true });
    expect(failureResponse(ours, "r", "WRONG_SCREEN", "why")).toEqual({ messageType: "OPENCOM_APP_ACTION_RESPONSE", requestId: "r", success: false, error: "why", errorCode: "WRONG_SCREEN" });
  });
});

describe("events", () => {
  it("belong to their screen; ready to all", () => {
    expect(eventBelongsTo("ticket:selected", "TICKETS")).toBe(true);
    expect(eventBelongsTo("ticket:selected", "CHATS")).toBe(false);
    expect(eventBelongsTo("contacts:companySelected", "CONTACTS")).toBe(true);
    expect(eventBelongsTo("app:ready", "CONTACTS")).toBe(true);
  });

  it("report our ticket states in the vendor's words", () => {
    expect(["submitted", "in_progress", "waiting_on_customer", "resolved", "cancelled", "archived"].map(protocolTicketState)).toEqual(["NEW", "OPEN", "OPEN", "CLOSED", "CANCELLED", null]);
  });
});
