import { describe, expect, it } from "vitest";
import { checkAction } from "../../../../core/apps/actions";
import type { ActionEnvelope } from "../../../../core/apps/protocol";

const on = (screen: "CHATS" | "TICKETS" | "CONTACTS") => ({ appName: "Helper", screen });
const envelope = (fields: Partial<ActionEnvelope>): ActionEnvelope => ({ requestId: "r1", appName: "Helper", action: "fillInput", screen: "CHATS", payload: { text: "hi" }, ...fields });

describe("checkAction", () => {
  it("accepts each action on its screen", () => {
    expect(checkAction(envelope({}), on("CHATS"))).toEqual({ ok: true, action: { action: "fillInput", payload: { text: "hi" } } });
    expect(checkAction(envelope({ action: "sendMessage" }), on("CHATS"))).toMatchObject({ ok: true, action: { action: "sendMessage" } });
    expect(checkAction(envelope({ action: "navigateToTicket", screen: "TICKETS", payload: { ticketCode: " TK-12 " } }), on("TICKETS"))).toEqual({
      ok: true,
      action: { action: "navigateToTicket", payload: { ticketCode: "TK-12" } },
    });
    for (const screen of ["CHATS", "TICKETS", "CONTACTS"] as const) {
      expect(checkAction(envelope({ action: "refreshToken", screen, payload: undefined }), on(screen))).toEqual({ ok: true, action: { action: "refreshToken", payload: {} } });
    }
  });

  it("refuses a message signed with another app's name", () => {
    expect(checkAction(envelope({ appName: "Other" }), on("CHATS"))).toMatchObject({ ok: false, code: "WRONG_APP", reason: expect.stringContaining('"Other"') });
  });

  it("refuses an unknown action, naming it and the known ones", () => {
    const check = checkAction(envelope({ action: "deleteEverything" }), on("CHATS"));
    expect(check).toMatchObject({ ok: false, code: "UNKNOWN_ACTION" });
    expect(!check.ok && check.reason).toBe('Unknown action "deleteEverything"; known actions: fillInput, sendMessage, navigateToTicket, refreshToken.');
    expect(checkAction(envelope({ action: "toString" }), on("CHATS"))).toMatchObject({ code: "UNKNOWN_ACTION" });
  });

  it("refuses an action on the wrong screen", () => {
    expect(checkAction(envelope({ screen: "CHATS" }), on("TICKETS"))).toMatchObject({ code: "WRONG_SCREEN", reason: "fillInput works on the CHATS screen; this app is on TICKETS." });
    expect(checkAction(envelope({ action: "navigateToTicket", screen: "TICKETS", payload: { ticketCode: "TK-1" } }), on("CHATS"))).toMatchObject({ code: "WRONG_SCREEN" });
    expect(checkAction(envelope({ screen: "TICKETS" }), on("CHATS"))).toMatchObject({ code: "WRONG_SCREEN", reason: expect.stringContaining("says screen TICKETS") });
    expect(checkAction(envelope({ screen: "SETTINGS" }), on("CHATS"))).toMatchObject({ code: "WRONG_SCREEN" });
  });

  it("refuses payloads outside the limits, naming the field", () => {
    const reason = (payload: unknown, action = "fillInput", screen: "CHATS" | "TICKETS" = "CHATS") => {
      const check = checkAction(envelope({ action, screen, payload }), on(screen));
      return check.ok ? "ok" : `${check.code}: ${check.reason}`;
    };
    expect(reason({ text: "x".repeat(5000) })).toBe("ok");
    expect(reason({ text: "x".repeat(5001) })).toBe("INVALID_PAYLOAD: payload.text must be at most 5000 characters (got 5001).");
    expect(reason({ text: "   " })).toBe("INVALID_PAYLOAD: payload.text must not be empty.");
    expect(reason({ text: 42 })).toBe("INVALID_PAYLOAD: payload.text must be a string.");
    expect(reason(["hi"])).toBe("INVALID_PAYLOAD: payload must be an object.");
    expect(reason(null, "sendMessage")).toBe("INVALID_PAYLOAD: payload must be an object.");
    expect(reason({ ticketCode: "T".repeat(50) }, "navigateToTicket", "TICKETS")).toBe("ok");
    expect(reason({ ticketCode: "T".repeat(51) }, "navigateToTicket", "TICKETS")).toMatch(/payload.ticketCode must be at most 50/);
    expect(reason({}, "navigateToTicket", "TICKETS")).toMatch(/payload.ticketCode must be a string/);
  });
});
