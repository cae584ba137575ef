/** Markdown for chat messages: parse to a safe tree (no DOM, in core/ so the server's previews use it too); render with render.tsx. */
export { parseMarkdown, type MarkdownNode, type Node } from "../../../core/markdown/parse";
export { markdownToPlainText } from "../../../core/markdown/plain-text";
export { LINK_REL, LINK_TARGET, safeUrl } from "../../../core/markdown/url";
