import { parseMarkdown, type MarkdownNode } from "./parse";

/**
 * What a message says, without its markup: the text a reader sees once the markdown is
 * rendered (emphasis and code marks gone, links as their text, list items and lines
 * joined by spaces), on one line. Previews (conversation lists, rating prompts) use it,
 * so they never show `**` or backticks.
 */
export function markdownToPlainText(source: string): string {
  return parseMarkdown(source).map(textOf).join(" ").replace(/\s+/g, " ").trim();
}

function textOf(node: MarkdownNode): string {
  switch (node.type) {
    case "text":
    case "code":
    case "pre":
      return node.text;
    case "br":
      return " ";
    case "ul":
    case "ol":
      return node.children.map(textOf).join(" ");
    default:
      return node.children.map(textOf).join("");
  }
}
