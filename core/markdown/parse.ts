import { safeUrl } from "./url";

/**
 * A small, safe markdown subset for chat messages: paragraphs, line breaks,
 * **bold**, *italic*, `code`, fenced code blocks, [links](https://…), bare
 * URLs, and bulleted/numbered lists. The result is a plain tree; the renderer
 * (render.tsx) turns it into elements, never into an HTML string, so raw HTML
 * in a message is just text. Links are checked with safeUrl here and again
 * when rendered.
 */
export type MarkdownNode =
  | { type: "text"; text: string }
  | { type: "br" }
  | { type: "code" | "pre"; text: string }
  | { type: "a"; href: string; children: MarkdownNode[] }
  | { type: "p" | "strong" | "em" | "ul" | "ol" | "li"; children: MarkdownNode[] };

export type { MarkdownNode as Node };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const ORDERED = /^ {0,3}\d{1,9}[.)][ \t]+(.*)$/;
const CODE_SPAN = /^(`+)([^]*?[^`])\1(?!`)/;
const STRONG = /^(\*\*|__)(?=\S)([^]*?\S)\1/;
const EM = /^([*_])(?=\S)([^]*?\S)\1/;
const LINK = /^\[([^[\]]*)\]\(\s*<?([^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*)>?(?:\s+"[^"]*")?\s*\)/;
const AUTOLINK = /^<([a-z][a-z\d+.-]{1,31}:[^\s<>]*)>/i;
const BARE_URL = /^https?:\/\/[^\s<>"]+/i;
const PUNCTUATION = /[!-/:-@[-`{-~]/;

const text = (value: string): MarkdownNode => ({ type: "text", text: value });

/** A bare URL ends before trailing punctuation and before a ")" it did not open. */
function trimBareUrl(url: string): string {
  for (;;) {
    const trimmed = url.replace(/[.,:;!?'"*_~]+$/, "");
    const unbalanced =
      trimmed.endsWith(")") && trimmed.split("(").length < trimmed.split(")").length;
    url = unbalanced ? trimmed.slice(0, -1) : trimmed;
    if (!unbalanced) return url;
  }
}

function inline(source: string, inLink = false): MarkdownNode[] {
  const out: MarkdownNode[] = [];
  let buffer = "";
  const push = (node: MarkdownNode) => {
    if (buffer) out.push(text(buffer));
    buffer = "";
    out.push(node);
  };
  for (let i = 0; i < source.length; ) {
    const c = source[i] as string;
    const rest = source.slice(i);
    const wordBefore = /\w/.test(source[i - 1] ?? "");
    let m: RegExpExecArray | null = null;
    if (c === "\\" && PUNCTUATION.test(source[i + 1] ?? "")) {
      buffer += source[i + 1];
      i += 2;
      continue;
    }
    if (c === "\n") push({ type: "br" });
    else if (c === "`" && (m = CODE_SPAN.exec(rest))) push({ type: "code", text: (m[2] as string).replace(/\n/g, " ").trim() });
    else if ((c === "*" || (c === "_" && !wordBefore)) && ((m = STRONG.exec(rest)) || (m = EM.exec(rest)))) {
      push({ type: m[1]!.length === 2 ? "strong" : "em", children: inline(m[2] as string, inLink) });
    } else if (c === "[" && !inLink && (m = LINK.exec(rest))) {
      const href = safeUrl(m[2] as string);
      const children = inline(m[1] as string, true);
      if (href) push({ type: "a", href, children });
      else for (const child of children) push(child);
    } else if (c === "<" && !inLink && (m = AUTOLINK.exec(rest))) {
      const href = safeUrl(m[1] as string);
      push(href ? { type: "a", href, children: [text(m[1] as string)] } : text(m[0]));
    } else if ((c === "h" || c === "H") && !inLink && !wordBefore && (m = BARE_URL.exec(rest))) {
      const url = trimBareUrl(m[0]);
      const href = safeUrl(url);
      if (!href) m = null;
      else {
        push({ type: "a", href, children: [text(url)] });
        i += url.length;
        continue;
      }
    }
    if (m) i += m[0].length;
    else {
      if (c !== "\n") buffer += c;
      i++;
    }
  }
  if (buffer) out.push(text(buffer));
  return out;
}

/** Parses `source` into block nodes: p, pre, ul, ol. */
export function parseMarkdown(source: string): MarkdownNode[] {
  const lines = String(source ?? "").replace(/\r\n?/g, "\n").split("\n");
  const blocks: MarkdownNode[] = [];
  const startsBlock = (line: string) => FENCE.test(line) || BULLET.test(line) || ORDERED.test(line);
  for (let i = 0; i < lines.length; ) {
    const line = lines[i] as string;
    const fence = FENCE.exec(line);
    const list = BULLET.test(line) ? BULLET : ORDERED.test(line) ? ORDERED : null;
    if (fence) {
      const body: string[] = [];
      const marker = fence[1] as string;
      for (i++; i < lines.length && !(lines[i] as string).trim().startsWith(marker); i++) body.push(lines[i] as string);
      i++;
      blocks.push({ type: "pre", text: body.join("\n") });
    } else if (list) {
      const items: string[] = [];
      for (let m; i < lines.length; i++) {
        const next = lines[i] as string;
        if ((m = list.exec(next))) items.push(m[1] as string);
        else if (items.length > 0 && /^\s+\S/.test(next)) items.push(`${items.pop()}\n${next.trim()}`);
        else break;
      }
      blocks.push({
        type: list === BULLET ? "ul" : "ol",
        children: items.map((item) => ({ type: "li", children: inline(item) })),
      });
    } else if (line.trim() === "") {
      i++;
    } else {
      const paragraph: string[] = [];
      for (; i < lines.length && (lines[i] as string).trim() !== "" && !startsBlock(lines[i] as string); i++) {
        paragraph.push((lines[i] as string).trim());
      }
      blocks.push({ type: "p", children: inline(paragraph.join("\n")) });
    }
  }
  return blocks;
}
