import { afterEach, describe, expect, it } from "vitest";
import { CSAT_CSS, mount } from "../../../src/overlays/csat/index";
import { overlayContext } from "./helpers";

afterEach(() => document.body.replaceChildren());

describe("the CSAT prompt", () => {
  it("says (optional) once for the comment and quotes the last message in plain text", () => {
    const { context, container } = overlayContext({ conversationId: "c1", lastMessagePreview: "Export any report as CSV from Reports." }, { kind: "csat" });
    const handle = mount(context);
    expect(container.textContent).toContain("Anything to add? (optional)");
    expect(container.textContent).not.toContain("(optional) (optional)");
    expect(container.querySelector(".oc-csat-quote > p")?.textContent).toBe("Export any report as CSV from Reports.");
    handle.destroy();
  });

  it("asks in the workspace's own words when its CSAT settings give them", () => {
    const pending = { conversationId: "c1", lastMessagePreview: "", question: "How did we do today?", commentPrompt: "What could we improve?" };
    const { context, container } = overlayContext(pending, { kind: "csat" });
    const handle = mount(context);
    expect(container.querySelector("h2")?.textContent).toBe("How did we do today?");
    expect(container.textContent).toContain("What could we improve? (optional)");
    expect(container.textContent).not.toContain("Anything to add?");
    handle.destroy();
  });

  it("clamps the quote on an element without padding, so no third line shows through it", () => {
    const rules = CSAT_CSS.split("}").map((rule) => rule.trim());
    const clamped = rules.filter((rule) => rule.includes("line-clamp"));
    expect(clamped.length).toBeGreaterThan(0);
    for (const rule of clamped) {
      const selector = rule.slice(0, rule.indexOf("{"));
      const padded = rules.filter((other) => other.startsWith(`${selector}{`) && /padding(?!:0[;}]?)/.test(other));
      expect(padded).toEqual([]);
    }
  });
});
