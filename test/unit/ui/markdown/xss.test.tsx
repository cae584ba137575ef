import { render } from "preact";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { parseMarkdown, safeUrl, type MarkdownNode } from "../../../../src/ui/markdown";
import { Markdown } from "../../../../src/ui/markdown/render";
import { XSS_PAYLOADS } from "../../../fixtures/xss-payloads";

const ALLOWED_TAGS = new Set(["p", "strong", "em", "code", "pre", "a", "ul", "ol", "li", "br"]);
const ALLOWED_NODE_TYPES = new Set([...ALLOWED_TAGS, "text"]);
const ALLOWED_ATTRIBUTES: Record<string, Set<string>> = { a: new Set(["href", "rel", "target"]) };
const SAFE_HREF = /^(https?:\/\/|mailto:|tel:)/i;

type Trapped = Window & { __xss?: (name: string) => void };
const trap = vi.fn();
const alertTrap = vi.fn();

beforeAll(() => {
  (window as Trapped).__xss = trap;
  vi.stubGlobal("alert", alertTrap);
});

afterAll(() => {
  delete (window as Trapped).__xss;
  vi.unstubAllGlobals();
});

function walkTree(nodes: readonly MarkdownNode[], visit: (node: MarkdownNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if ("children" in node) walkTree(node.children, visit);
  }
}

test("the corpus holds at least 50 uniquely named payloads", () => {
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
  expect(new Set(XSS_PAYLOADS.map((p) => p.name)).size).toBe(XSS_PAYLOADS.length);
});

describe.each(XSS_PAYLOADS)("payload $name", ({ payload }) => {
  test("parses to allowed node types with safe hrefs only", () => {
    walkTree(parseMarkdown(payload), (node) => {
      expect(ALLOWED_NODE_TYPES.has(node.type), node.type).toBe(true);
      if (node.type === "a") {
        expect(node.href).toMatch(SAFE_HREF);
        expect(safeUrl(node.href)).toBe(node.href);
      }
    });
  });

  test("renders only allowed elements and attributes, and runs nothing", async () => {
    const container = document.createElement("div");
    document.body.append(container);
    render(<Markdown text={payload} />, container);
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const element of container.querySelectorAll("*")) {
      const tag = element.tagName.toLowerCase();
      expect(ALLOWED_TAGS.has(tag), tag).toBe(true);
      for (const { name, value } of element.attributes) {
        expect(name.toLowerCase().startsWith("on"), name).toBe(false);
        expect(ALLOWED_ATTRIBUTES[tag]?.has(name) ?? false, `${tag}[${name}]`).toBe(true);
        if (name === "href") expect(value).toMatch(SAFE_HREF);
      }
    }
    render(null, container);
    container.remove();
    expect(trap).not.toHaveBeenCalled();
    expect(alertTrap).not.toHaveBeenCalled();
  });
});
