import { useMemo } from "preact/hooks";
import { parseMarkdown } from "../../ui/markdown";
import { MarkdownTree } from "../../ui/markdown/render";

/** The markdown rendering of a message bubble; its own chunk, see message-body.tsx. */
export function MarkdownBubble({ body, class: className }: { body: string; class: string }) {
  // Parsed once per body: the log re-renders on every live update.
  const nodes = useMemo(() => parseMarkdown(body), [body]);
  return (
    <div class={`oc-bubble oc-markdown ${className}`}>
      <MarkdownTree nodes={nodes} />
    </div>
  );
}
