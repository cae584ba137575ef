import { render } from "preact";
import { afterEach, describe, expect, test } from "vitest";
import { LINK_REL, LINK_TARGET, type MarkdownNode } from "../../../../src/ui/markdown";
import { Markdown, MarkdownTree } from "../../../../src/ui/markdown/render";

let container: HTMLElement | null = null;

function show(text: string): HTMLElement {
  container = document.createElement("div");
  document.body.append(container);
  render(<Markdown text={text} />, container);
  return container;
}

afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  container = null;
});

describe("<Markdown>", () => {
  test("renders the tree as elements", () => {
    const root = show("Hi **there** *you*\n\n- `a`\n- b\n\n1. one\n\n```\nx < y\n```");
    expect(root.innerHTML).toBe(
      "<p>Hi <strong>there</strong> <em>you</em></p>" +
        "<ul><li><code>a</code></li><li>b</li></ul>" +
        "<ol><li>one</li></ol>" +
        "<pre><code>x &lt; y</code></pre>",
    );
  });

  test("links open in a new tab without opener, referrer or endorsement", () => {
    const root = show("[Docs](https://example.com/docs) and https://example.org");
    const links = [...root.querySelectorAll("a")];
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["https://example.com/docs", "https://example.org/"]);
    for (const a of links) {
      expect(a.getAttribute("rel")).toBe(LINK_REL);
      expect(a.getAttribute("target")).toBe(LINK_TARGET);
    }
  });

  test("HTML in a message is shown as text, never parsed", () => {
    const root = show('<b onclick="x()">bold?</b>\nline two');
    expect(root.querySelector("b")).toBeNull();
    expect(root.textContent).toBe('<b onclick="x()">bold?</b>line two');
    expect(root.querySelectorAll("br")).toHaveLength(1);
  });

  test("a hand-made tree cannot smuggle in a bad link or element", () => {
    // Defence in depth: the renderer re-checks hrefs and element names itself.
    const nodes = [
      { type: "a", href: "javascript:alert(1)", children: [{ type: "text", text: "bad link" }] },
      { type: "script", children: [{ type: "text", text: "alert(2)" }] },
      { type: "a", href: "https://ok.example", children: [{ type: "text", text: "ok" }] },
    ] as unknown as MarkdownNode[];
    container = document.createElement("div");
    render(<MarkdownTree nodes={nodes} />, container);
    expect(container.innerHTML).toBe(
      `bad linkalert(2)<a href="https://ok.example/" rel="${LINK_REL}" target="${LINK_TARGET}">ok</a>`,
    );
  });
});
