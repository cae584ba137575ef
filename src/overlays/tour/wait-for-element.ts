import { findElement } from "../shared/anchor";

/**
 * Waits up to `timeoutMs` for `selector` to match (single-page apps render late), then
 * reports the element, or null on timeout. Returns the cancel.
 */
export function waitForElement(
  doc: Document,
  selector: string,
  timeoutMs: number,
  onResult: (element: Element | null) => void,
): () => void {
  const win = doc.defaultView as Window;
  let done = false;
  const finish = (element: Element | null) => {
    if (done) return;
    done = true;
    observer.disconnect();
    win.clearTimeout(timer);
    onResult(element);
  };
  const check = () => {
    const element = findElement(doc, selector);
    if (element) finish(element);
  };
  const observer = new MutationObserver(check);
  const timer = win.setTimeout(() => finish(null), Math.max(0, timeoutMs));
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true });
  queueMicrotask(check); // after the caller has its cancel
  return () => {
    done = true;
    observer.disconnect();
    win.clearTimeout(timer);
  };
}
