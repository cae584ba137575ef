/**
 * Builds a CSS selector for an element the author picked, preferring what
 * survives redesigns and re-renders:
 *
 * 1. `#id` — unless the id looks generated (`ember123`, React's `:r1:`, uuids…)
 * 2. a data attribute — `data-testid`, `data-test`, `data-test-id`, `data-cy`,
 *    `data-qa`, `data-tour`, then any other `data-*` in name order (known
 *    framework bookkeeping like `data-reactid` or `data-v-1a2b` is skipped)
 * 3. a short structural path `tag:nth-of-type(n) > …`, anchored on the nearest
 *    ancestor that has (1) or (2), else from the root.
 *
 * DOM-free over a minimal element interface; the DOM wrapper passes
 * `(selector) => document.querySelectorAll(selector).length` as `count`, and
 * every candidate must be unique (`isUnique`) to be chosen.
 */

export interface SelectorElement {
  id?: string | null;
  /** As the DOM reports it: upper case for HTML elements. */
  tagName: string;
  attributes: Readonly<Record<string, string>>;
  parent: SelectorElement | null;
  children: readonly SelectorElement[];
}

/** How many elements of the page a selector matches. */
export type CountMatches = (selector: string) => number;

export function isUnique(selector: string, count: CountMatches): boolean {
  try {
    return count(selector) === 1;
  } catch {
    return false; // querySelectorAll throws on a selector the browser cannot parse
  }
}

const PREFERRED_DATA_ATTRIBUTES = ["data-testid", "data-test", "data-test-id", "data-cy", "data-qa", "data-tour"];
const IGNORED_DATA_ATTRIBUTE = /^data-(reactid|react-checksum|react-|v-|styled|emotion|state|radix|headlessui)/;
const ATTRIBUTE_VALUE_MAX = 80;

/**
 * Ids that frameworks mint and re-mint on every render or build: React's `:r1:`
 * / `«r1»`, Ember's `ember123`, ExtJS/YUI/GWT/jQuery UI prefixes, uuids, long
 * hex or digit runs.
 */
export function isGeneratedId(id: string): boolean {
  return (
    id.trim() === "" ||
    /[:«»]/.test(id) ||
    /^(ember|ext-gen|ext-comp|yui_|gwt-|ui-id-|mui-|headlessui-|radix-|react-|rc-|__)/i.test(id) ||
    /\d{3,}/.test(id) ||
    /[0-9a-f]{8}-[0-9a-f]{4}-/i.test(id) ||
    (/[0-9a-f]{8,}/i.test(id) && /\d/.test(id))
  );
}

/** CSS.escape for identifiers (CSSOM "serialize an identifier"), without the DOM. */
export function cssEscapeIdentifier(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const char = value.charAt(i);
    const code = value.charCodeAt(i);
    if (code === 0) out += "\uFFFD";
    else if ((code >= 0x01 && code <= 0x1f) || code === 0x7f) out += `\\${code.toString(16)} `;
    else if ((i === 0 || (i === 1 && value.charAt(0) === "-")) && code >= 0x30 && code <= 0x39) {
      out += `\\${code.toString(16)} `;
    } else if (i === 0 && char === "-" && value.length === 1) out += "\\-";
    else if (code >= 0x80 || /[-_0-9A-Za-z]/.test(char)) out += char;
    else out += `\\${char}`;
  }
  return out;
}

/** A double-quoted CSS string. */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, "\\$&").replace(/[\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

function typeSelector(element: SelectorElement): string {
  const { tagName } = element;
  // HTML tag names come upper-cased; SVG ones (clipPath) are case-sensitive and kept.
  return cssEscapeIdentifier(tagName === tagName.toUpperCase() ? tagName.toLowerCase() : tagName);
}

function dataAttributeNames(element: SelectorElement): string[] {
  const names = Object.keys(element.attributes).filter(
    (name) => name.startsWith("data-") && !IGNORED_DATA_ATTRIBUTE.test(name),
  );
  const preferred = PREFERRED_DATA_ATTRIBUTES.filter((name) => names.includes(name));
  const others = names.filter((name) => !PREFERRED_DATA_ATTRIBUTES.includes(name)).sort();
  return [...preferred, ...others];
}

/** The element's own identity selectors, best first (no structure involved). */
export function identityCandidates(element: SelectorElement): string[] {
  const candidates: string[] = [];
  const id = element.id ?? element.attributes["id"];
  if (id && !isGeneratedId(id)) candidates.push(`#${cssEscapeIdentifier(id)}`);
  for (const name of dataAttributeNames(element)) {
    const value = element.attributes[name] ?? "";
    if (value === "" || value.length > ATTRIBUTE_VALUE_MAX || isGeneratedId(value)) continue;
    const attribute = `[${cssEscapeIdentifier(name)}=${cssString(value)}]`;
    candidates.push(attribute, `${typeSelector(element)}${attribute}`);
  }
  return candidates;
}

/** `tag`, or `tag:nth-of-type(n)` when siblings share the tag. */
export function structuralSegment(element: SelectorElement): string {
  const tag = typeSelector(element);
  const siblings = element.parent?.children.filter((sibling) => sibling.tagName === element.tagName) ?? [];
  if (siblings.length <= 1) return tag;
  return `${tag}:nth-of-type(${siblings.indexOf(element) + 1})`;
}

function uniqueIdentity(element: SelectorElement, count: CountMatches): string | null {
  return identityCandidates(element).find((candidate) => isUnique(candidate, count)) ?? null;
}

/**
 * The best unique selector for `element`. Falls back to the full path from the
 * root, which is unique by construction.
 */
export function buildSelector(element: SelectorElement, count: CountMatches): string {
  const own = uniqueIdentity(element, count);
  if (own !== null) return own;
  const segments: string[] = [];
  for (let node: SelectorElement | null = element; node !== null; node = node.parent) {
    segments.unshift(structuralSegment(node));
    const path = segments.join(" > ");
    const parent: SelectorElement | null = node.parent;
    const anchor = parent === null ? null : uniqueIdentity(parent, count);
    if (anchor !== null && isUnique(`${anchor} > ${path}`, count)) return `${anchor} > ${path}`;
    if (parent === null || isUnique(path, count)) return path;
  }
  return segments.join(" > ");
}
