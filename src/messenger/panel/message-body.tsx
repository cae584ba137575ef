import { useEffect, useMemo, useState } from "preact/hooks";
import { mayContainMarkdown } from "../message-text";

export interface MessageBodyProps {
  body: string;
  /** Extra classes for the bubble (delivery state). */
  class: string;
}

type MarkdownModule = typeof import("./message-markdown");
let markdown: Promise<MarkdownModule> | null = null;
let loaded: MarkdownModule | null = null;

/**
 * The markdown parser and renderer are fetched the first time a message needs them: most
 * chat lines are plain text, and opening straight into a new conversation should not pay for
 * them (docs/performance.md budgets what opening adds).
 */
function loadMarkdown(): Promise<MarkdownModule> {
  markdown ??= import("./message-markdown").then((module) => (loaded = module));
  return markdown;
}

/**
 * A message's text, visitor's or team's, as the safe markdown subset (src/ui/markdown):
 * text nodes and a fixed set of elements only, links limited to http(s), mailto and tel
 * and opened with rel="noopener noreferrer nofollow" in a new tab. Never HTML. Text with no
 * markdown syntax renders as text straight away, line breaks kept.
 */
export function MessageBody({ body, class: className }: MessageBodyProps) {
  const needsMarkdown = useMemo(() => mayContainMarkdown(body), [body]);
  const [module, setModule] = useState<MarkdownModule | null>(needsMarkdown ? loaded : null);
  useEffect(() => {
    if (!needsMarkdown || module) return;
    let current = true;
    void loadMarkdown().then((m) => current && setModule(m));
    return () => {
      current = false;
    };
  }, [needsMarkdown, module]);
  if (needsMarkdown && module) return <module.MarkdownBubble body={body} class={className} />;
  return <div class={`oc-bubble oc-plain ${className}`}>{body}</div>;
}
