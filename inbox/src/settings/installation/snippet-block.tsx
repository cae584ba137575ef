import { CopyButton } from "../../form/field";
import type { Snippet } from "./snippets";

export function SnippetBlock({ snippet }: { snippet: Snippet }) {
  const headingId = `snippet-${snippet.id}-heading`;
  return (
    <section class="card snippet" aria-labelledby={headingId}>
      <div class="snippet-head">
        <h3 id={headingId}>{snippet.title}</h3>
        <CopyButton text={snippet.code} what={`the ${snippet.title} snippet`} />
      </div>
      <pre tabIndex={0} aria-labelledby={headingId}><code>{snippet.code}</code></pre>
    </section>
  );
}
