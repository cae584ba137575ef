/** Markdown for chat messages: parse to a safe tree (no DOM); render with render.tsx. */
export { parseMarkdown, type MarkdownNode, type Node } from "./parse";
export { LINK_REL, LINK_TARGET, safeUrl } from "./url";
