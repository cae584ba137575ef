import { logError } from "../sdk/log";

/**
 * A custom launcher: any element of the page matching `selector` opens the messenger on
 * click, including elements added later (one delegated listener on the document, in the
 * capture phase so a page handler that stops propagation cannot swallow it). Clicks inside
 * the widget itself are ignored. Returns the cleanup.
 */
export function watchCustomLaunchers(
  doc: Document,
  selector: string,
  widgetHost: Element,
  onActivate: (launcher: Element) => void,
): () => void {
  try {
    doc.querySelector(selector);
  } catch {
    logError(`customLauncherSelector "${selector}" is not a valid CSS selector; no custom launcher is active`);
    return () => {};
  }
  const onClick = (event: Event) => {
    const path = event.composedPath();
    if (path.includes(widgetHost)) return;
    const launcher = path.find((node): node is Element => node instanceof Element && node.matches(selector));
    if (!launcher) return;
    event.preventDefault(); // an <a href="#"> launcher must not jump the page
    onActivate(launcher);
  };
  doc.addEventListener("click", onClick, true);
  return () => doc.removeEventListener("click", onClick, true);
}
