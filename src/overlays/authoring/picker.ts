/**
 * The element picker, in plain DOM: the element under the pointer is highlighted, a
 * click picks it (the page never sees that click), Escape cancels. By keyboard: arrows
 * walk the page's elements (up: parent, down: first child, left/right: siblings) and
 * Enter picks. The widget's own elements are never offered.
 */
export interface PickerHandlers {
  onHover(element: Element): void;
  onPick(element: Element): void;
  onCancel(): void;
}

const STEP: Record<string, (element: Element) => Element | null> = {
  ArrowUp: (element) => (element.parentElement?.tagName === "HTML" ? null : element.parentElement),
  ArrowDown: (element) => element.firstElementChild,
  ArrowLeft: (element) => element.previousElementSibling,
  ArrowRight: (element) => element.nextElementSibling,
};

export function startPicker(doc: Document, widgetHost: Element, handlers: PickerHandlers): () => void {
  const win = doc.defaultView as Window & typeof globalThis;
  let current: Element | null = null;
  const offered = (target: EventTarget | null): target is Element =>
    target instanceof win.Element && target !== widgetHost && !widgetHost.contains(target) && target !== doc.documentElement;

  const hover = (element: Element) => {
    current = element;
    handlers.onHover(element);
  };
  const onOver = (event: Event) => {
    if (offered(event.target)) hover(event.target);
  };
  const onClick = (event: Event) => {
    if (!offered(event.target)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    handlers.onPick(event.target);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      return handlers.onCancel();
    }
    const step = STEP[event.key];
    if (step) {
      event.preventDefault();
      const next = current ? step(current) : doc.body;
      if (next && offered(next)) hover(next);
    } else if (event.key === "Enter" && current) {
      event.preventDefault();
      handlers.onPick(current);
    }
  };
  // Capture phase on the window: before any of the page's own handlers.
  win.addEventListener("mouseover", onOver, true);
  win.addEventListener("click", onClick, true);
  win.addEventListener("keydown", onKey, true);
  return () => {
    win.removeEventListener("mouseover", onOver, true);
    win.removeEventListener("click", onClick, true);
    win.removeEventListener("keydown", onKey, true);
  };
}
