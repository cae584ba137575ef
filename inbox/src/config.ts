/**
 * The deployment the inbox talks to: the page's `opencom-convex-url` meta tag, filled in by
 * whoever serves the inbox; on a page served unfilled, the local backend's default port.
 */
export function convexUrlOf(doc: Document): string {
  const value = doc.querySelector<HTMLMetaElement>('meta[name="opencom-convex-url"]')?.content ?? "";
  if (/^https?:\/\//.test(value)) return value.replace(/\/$/, "");
  return `http://${doc.location.hostname || "127.0.0.1"}:3210`;
}

/** A placeholder a deployment replaces: the widget's URL is not known to the inbox by default. */
const WIDGET_URL_PLACEHOLDER = "https://cdn.example.com/opencom/widget.js";

/**
 * Where the widget's loader is served, for the installation snippets: the page's
 * `opencom-widget-url` meta tag when whoever serves the inbox fills it in.
 */
export function widgetUrlOf(doc: Document): string {
  const value = doc.querySelector<HTMLMetaElement>('meta[name="opencom-widget-url"]')?.content ?? "";
  return /^https?:\/\//.test(value) ? value : WIDGET_URL_PLACEHOLDER;
}
