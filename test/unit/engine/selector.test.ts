import { describe, expect, test } from "vitest";
import {
  buildSelector,
  cssEscapeIdentifier,
  cssString,
  identityCandidates,
  isGeneratedId,
  isUnique,
  type SelectorElement,
} from "../../../src/engine/selector";

type Node = SelectorElement & { children: Node[]; parent: Node | null };

function el(tagName: string, attributes: Record<string, string> = {}, children: Node[] = []): Node {
  const node: Node = { tagName, attributes, parent: null, children, id: attributes["id"] ?? null };
  for (const child of children) child.parent = node;
  return node;
}

function all(root: Node): Node[] {
  return [root, ...root.children.flatMap(all)];
}

function unescape(text: string): string {
  return text.replace(/\\([0-9a-f]{1,6}) ?|\\(.)/gi, (_, hex: string | undefined, char: string | undefined) =>
    hex !== undefined ? String.fromCodePoint(parseInt(hex, 16)) : (char ?? ""),
  );
}

/** A tiny matcher for exactly the selector forms buildSelector emits. */
function counter(root: Node) {
  const compound = /^([a-zA-Z][\w-]*)?(?:#((?:\\[0-9a-f]+ ?|\\.|[\w-])+))?(?:\[([\w-]+)="((?:\\.|[^"\\])*)"\])?(?::nth-of-type\((\d+)\))?$/i;
  const matchesCompound = (node: Node, part: string): boolean => {
    const m = compound.exec(part);
    if (m === null) throw new Error(`unsupported selector part ${part}`);
    const [, tag, id, attribute, value, nth] = m;
    if (tag !== undefined && unescape(tag) !== node.tagName.toLowerCase() && unescape(tag) !== node.tagName) return false;
    if (id !== undefined && node.id !== unescape(id)) return false;
    if (attribute !== undefined && node.attributes[attribute] !== unescape(value ?? "")) return false;
    if (nth !== undefined) {
      const same = node.parent?.children.filter((sibling) => sibling.tagName === node.tagName) ?? [node];
      if (same.indexOf(node) + 1 !== Number(nth)) return false;
    }
    return true;
  };
  const matches = (node: Node | null, parts: string[]): boolean => {
    const last = parts[parts.length - 1];
    if (node === null || last === undefined || !matchesCompound(node, last)) return false;
    return parts.length === 1 || matches(node.parent, parts.slice(0, -1));
  };
  return (selector: string) => all(root).filter((node) => matches(node, selector.split(" > "))).length;
}

describe("isGeneratedId", () => {
  test("spots framework-minted ids and keeps hand-written ones", () => {
    for (const id of ["ember123", ":r1:", "radix-:r2:", "«r3»", "ext-gen1042", "mui-12", "a1b2c3d4e5", "4f9c2b7e-1d2a-4c3b-9f8e-1a2b3c4d5e6f", "item-20240601"]) {
      expect(isGeneratedId(id), id).toBe(true);
    }
    for (const id of ["main-nav", "invite-button", "step2", "settings", "h1-title"]) {
      expect(isGeneratedId(id), id).toBe(false);
    }
  });
});

describe("escaping", () => {
  test("identifiers and strings are escaped as CSS.escape would", () => {
    expect(cssEscapeIdentifier("simple-id")).toBe("simple-id");
    expect(cssEscapeIdentifier("1st")).toBe("\\31 st");
    expect(cssEscapeIdentifier("-2x")).toBe("-\\32 x");
    expect(cssEscapeIdentifier("-")).toBe("\\-");
    expect(cssEscapeIdentifier("a.b:c")).toBe("a\\.b\\:c");
    expect(cssEscapeIdentifier("héllo")).toBe("héllo");
    expect(cssString('say "hi" \\ now')).toBe('"say \\"hi\\" \\\\ now"');
  });
});

describe("identityCandidates", () => {
  test("id first, then preferred data attributes, then other data-* by name; noise skipped", () => {
    const node = el("BUTTON", {
      id: "save",
      "data-zeta": "z",
      "data-alpha": "a",
      "data-cy": "save-btn",
      "data-testid": "save-button",
      "data-reactid": ".0.1",
      "data-v-1a2b3c": "",
      "data-big": "x".repeat(200),
    });
    expect(identityCandidates(node)).toEqual([
      "#save",
      '[data-testid="save-button"]',
      'button[data-testid="save-button"]',
      '[data-cy="save-btn"]',
      'button[data-cy="save-btn"]',
      '[data-alpha="a"]',
      'button[data-alpha="a"]',
      '[data-zeta="z"]',
      'button[data-zeta="z"]',
    ]);
    expect(identityCandidates(el("DIV", { id: "ember42" }))).toEqual([]);
  });
});

describe("buildSelector", () => {
  test("prefers a unique, stable id", () => {
    const target = el("BUTTON", { id: "invite", "data-testid": "invite" });
    const root = el("HTML", {}, [el("BODY", {}, [target])]);
    expect(buildSelector(target, counter(root))).toBe("#invite");
  });

  test("skips generated or duplicated ids for a data attribute", () => {
    const target = el("BUTTON", { id: "ember123", "data-tour": "invite-button" });
    const root = el("HTML", {}, [el("BODY", {}, [target, el("DIV", { id: "dup" }), el("SPAN", { id: "dup" })])]);
    expect(buildSelector(target, counter(root))).toBe('[data-tour="invite-button"]');
    const twin = el("A", { id: "dup", "data-qa": "link" });
    const root2 = el("HTML", {}, [el("BODY", {}, [twin, el("P", { id: "dup" })])]);
    expect(buildSelector(twin, counter(root2))).toBe('[data-qa="link"]');
  });

  test("narrows a shared data attribute by tag", () => {
    const target = el("BUTTON", { "data-role": "primary" });
    const root = el("HTML", {}, [el("BODY", {}, [el("A", { "data-role": "primary" }), target])]);
    expect(buildSelector(target, counter(root))).toBe('button[data-role="primary"]');
  });

  test("falls back to a short path anchored on the nearest identifiable ancestor", () => {
    const target = el("LI");
    const list = el("UL", { "data-testid": "menu" }, [el("LI"), target, el("LI")]);
    const root = el("HTML", {}, [el("BODY", {}, [el("UL", {}, [el("LI"), el("LI")]), list])]);
    const selector = buildSelector(target, counter(root));
    expect(selector).toBe('[data-testid="menu"] > li:nth-of-type(2)');
    expect(isUnique(selector, counter(root))).toBe(true);
  });

  test("without any anchor, the path grows until it is unique (full path at worst)", () => {
    const target = el("SPAN");
    const root = el("HTML", {}, [
      el("BODY", {}, [el("DIV", {}, [el("P", {}, [el("SPAN")])]), el("DIV", {}, [el("P", {}, [target])])]),
    ]);
    const count = counter(root);
    const selector = buildSelector(target, count);
    expect(selector).toBe("div:nth-of-type(2) > p > span");
    expect(count(selector)).toBe(1);
  });

  test("isUnique treats a throwing counter as not unique", () => {
    expect(isUnique("[", () => { throw new SyntaxError("bad"); })).toBe(false);
    expect(isUnique("#a", () => 2)).toBe(false);
    expect(isUnique("#a", () => 1)).toBe(true);
  });
});
