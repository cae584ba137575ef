import { describe, expect, test } from "vitest";
import { checkTemplate, checkTemplates, DEFAULT_TEMPLATES, renderTemplate } from "../../../convex/lib/gatewayRules";
import { parseInbound } from "../../../convex/lib/gatewayProtocol";

describe("gateway templates", () => {
  test("known variables pass, with or without inner spaces; an unknown one is named with its field", () => {
    expect(checkTemplate("agentJoined", "{{agent.name}} joined {{ chat.id }}")).toBe("{{agent.name}} joined {{ chat.id }}");
    expect(() => checkTemplate("agentLeft", "{{agent.name}} left {{agent.email}}")).toThrow(/templates\.agentLeft.*\{\{agent\.email\}\}/);
    expect(() => checkTemplate("memberName", "x".repeat(1001))).toThrow(/at most 1000/);
  });

  test("a partial change keeps the other templates", () => {
    expect(checkTemplates({ chatComplete: "" })).toEqual({ ...DEFAULT_TEMPLATES, chatComplete: "" });
  });

  test("values are HTML-escaped and filled in one pass; unknown or missing values are empty", () => {
    const values = { "agent.name": "Maria", "visitor.name": `<img src=x onerror="a">&'{{agent.name}}` };
    expect(renderTemplate("{{agent.name}} greets {{visitor.name}}!", values)).toBe(
      "Maria greets &lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;{{agent.name}}!",
    );
    expect(renderTemplate("[{{chat.id}}]", {})).toBe("[]");
  });
});

describe("inbound bodies", () => {
  const message = { id: "m1", chatId: "c1", sender: { id: "s1" }, text: "hi" };

  test("message, close and a broadcast report parse; sender.type and metadata are optional", () => {
    expect(parseInbound({ message })).toMatchObject({ ok: true });
    expect(parseInbound({ close: { chatId: "c1" } })).toMatchObject({ ok: true });
    expect(parseInbound({ broadcast: { eventId: "e1" } })).toMatchObject({ ok: true });
  });

  test("refusals name the field by its path", () => {
    expect(parseInbound([])).toMatchObject({ ok: false, field: "body" });
    expect(parseInbound({ message: { ...message, sender: {} } })).toMatchObject({ ok: false, field: "message.sender.id" });
    expect(parseInbound({ message: { ...message, date: "yesterday" } })).toMatchObject({ ok: false, field: "message.date" });
    expect(parseInbound({ message: { ...message, file: { url: "https://x.example/a.png", mime: "image/png", size: -1 } } })).toMatchObject({ ok: false, field: "message.file.size" });
    expect(parseInbound({ broadcast: { eventId: "e1", recipients: [{ id: "" }] } })).toMatchObject({ ok: false, field: "broadcast.recipients.0.id" });
  });
});
