import { parseMarkdown, type MarkdownNode } from "../../../src/ui/markdown";

/** A message as one line of plain text, for the conversation list: markdown marks dropped. */
export function plainText(markdown: string): string {
  return flatten(parseMarkdown(markdown)).replace(/\s+/g, " ").trim();
}

function flatten(nodes: readonly MarkdownNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === "br") return " ";
      if (!("children" in node)) return node.text;
      const inner = flatten(node.children);
      return node.type === "p" || node.type === "li" ? ` ${inner} ` : inner;
    })
    .join("");
}
