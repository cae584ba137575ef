/**
 * The deployment the inbox talks to: the page's `opencom-convex-url` meta tag, filled in by
 * whoever serves the inbox; on a page served unfilled, the local backend's default port.
 */
export function convexUrlOf(doc: Document): string {
  const value = doc.querySelector<HTMLMetaElement>('meta[name="opencom-convex-url"]')?.content ?? "";
  if (/^https?:\/\//.test(value)) return value.replace(/\/$/, "");
  return `http://${doc.location.hostname || "127.0.0.1"}:3210`;
}
