import { buildSelector, isUnique, type SelectorElement } from "../../engine/selector";

/**
 * The selector builder (src/engine/selector.ts) works on a DOM-free element shape; this
 * adapts real elements to it, lazily (parents and children are wrapped only when the
 * builder walks to them) and with stable identities (it compares siblings by identity).
 */
export function toSelectorElement(element: Element): SelectorElement {
  const wrapped = new Map<Element, SelectorElement>();
  const wrap = (node: Element): SelectorElement => {
    const known = wrapped.get(node);
    if (known) return known;
    const attributes: Record<string, string> = {};
    for (const attribute of node.attributes) attributes[attribute.name] = attribute.value;
    const result: SelectorElement = {
      id: node.id || null,
      tagName: node.tagName,
      attributes,
      get parent() {
        return node.parentElement ? wrap(node.parentElement) : null;
      },
      get children() {
        return [...node.children].map(wrap);
      },
    };
    wrapped.set(node, result);
    return result;
  };
  return wrap(element);
}

export type PickedSelector = { selector: string; matches: number; unique: boolean };

/** The selector for a picked element, checked against the real page. */
export function selectorFor(doc: Document, element: Element): PickedSelector {
  const count = (selector: string) => doc.querySelectorAll(selector).length;
  const selector = buildSelector(toSelectorElement(element), count);
  let matches = 0;
  try {
    matches = count(selector);
  } catch {
    matches = 0;
  }
  return { selector, matches, unique: isUnique(selector, count) };
}
