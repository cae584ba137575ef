/**
 * Whether a message could render differently as markdown than as plain text: emphasis, code,
 * links, autolinked URLs, lists or HTML-looking text (which the markdown path shows as text
 * too, but through the audited renderer). A false positive only costs the renderer's chunk.
 */
const MARKDOWN_HINTS = /[*_`[\]<>]|https?:|www\.|mailto:|tel:|^\s*(?:[-+]|\d+[.)])\s/im;

export function mayContainMarkdown(body: string): boolean {
  return MARKDOWN_HINTS.test(body);
}
