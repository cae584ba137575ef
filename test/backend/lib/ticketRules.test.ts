import { describe, expect, test } from "vitest";
import { checkTicketAnswers, checkTicketTitle, TICKET_HISTORY_MAX, withStateChange } from "../../../convex/lib/ticketRules";
import type { TicketField } from "../../../convex/lib/messengerValidators";

const FORM: TicketField[] = [
  { id: "kind", label: "Kind", type: "select", required: true, options: ["Bug", "Idea"] },
  { id: "text", label: "Text", type: "text", required: false },
  { id: "mail", label: "Mail", type: "email", required: false },
];

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { data: { field: string } }).data.field;
  }
  return null;
};

describe("ticketRules", () => {
  test("answers are trimmed, blanks dropped, and every problem names its field", () => {
    expect(checkTicketAnswers(FORM, { kind: " Bug ", text: "  ", mail: "a@b.co" })).toEqual({ kind: "Bug", mail: "a@b.co" });
    expect(fieldOf(() => checkTicketAnswers(FORM, {}))).toBe("fields.kind");
    expect(fieldOf(() => checkTicketAnswers(FORM, { kind: "Nope" }))).toBe("fields.kind");
    expect(fieldOf(() => checkTicketAnswers(FORM, { kind: "Bug", mail: "x@" }))).toBe("fields.mail");
    expect(fieldOf(() => checkTicketAnswers(FORM, { kind: "Bug", text: "x".repeat(501) }))).toBe("fields.text");
    expect(fieldOf(() => checkTicketAnswers(FORM, { kind: "Bug", other: "x" }))).toBe("fields.other");
    expect(fieldOf(() => checkTicketTitle("   "))).toBe("title");
    expect(checkTicketTitle(" Hi ")).toBe("Hi");
  });

  test("history appends and keeps the first entry when capped", () => {
    const one = withStateChange([], "submitted", 1);
    expect(withStateChange(one, "resolved", 2, "Fixed")).toEqual([
      { state: "submitted", at: 1 },
      { state: "resolved", at: 2, note: "Fixed" },
    ]);
    let history = one;
    for (let i = 0; i < TICKET_HISTORY_MAX + 10; i++) history = withStateChange(history, "in_progress", i + 2);
    expect(history).toHaveLength(TICKET_HISTORY_MAX);
    expect(history[0]).toEqual({ state: "submitted", at: 1 });
    expect(history.at(-1)?.at).toBe(TICKET_HISTORY_MAX + 11);
  });
});
