import { useEffect } from "preact/hooks";

const FOCUSABLE =
  'button:not([disabled]),[href],input:not([disabled]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

/** The focused element, looking into shadow roots (ours included). */
export function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => !element.closest("[hidden]"));
}

/** Moves focus to `[data-autofocus]`, else the first focusable element, else the root. */
export function focusInto(root: HTMLElement): void {
  (root.querySelector<HTMLElement>("[data-autofocus]") ?? focusables(root)[0] ?? root).focus({ preventScroll: true });
}

/** Keeps Tab and Shift+Tab inside `root`; returns true when it moved focus. */
export function trapTab(root: HTMLElement, event: KeyboardEvent): boolean {
  if (event.key !== "Tab") return false;
  const items = focusables(root);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return false;
  const active = deepActiveElement(root.ownerDocument);
  const outside = !active || !root.contains(active);
  if (event.shiftKey && (active === first || outside)) last.focus();
  else if (!event.shiftKey && (active === last || outside)) first.focus();
  else return false;
  event.preventDefault();
  return true;
}

export type DialogFocusOptions = {
  /** Take focus when shown: for what the visitor asked for or must answer (modals). */
  autoFocus: boolean;
  /** Keep Tab inside (aria-modal dialogs). */
  trap: boolean;
  onEscape?: () => void;
  /** Move focus in again whenever this changes (a tour's step). */
  focusKey?: unknown;
};

/**
 * Focus management for an overlay dialog: focus moves in when it opens (if asked), Tab
 * stays inside a modal one, Escape closes it, and focus returns to where it was when
 * the dialog goes away.
 */
export function useDialogFocus(ref: { current: HTMLElement | null }, options: DialogFocusOptions): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const doc = root.ownerDocument;
    const previous = deepActiveElement(doc);
    return () => {
      const active = deepActiveElement(doc);
      // Only hand focus back if it was ours (or was lost with our elements).
      if (previous instanceof HTMLElement && (!active || active === doc.body || root.contains(active))) previous.focus();
    };
  }, []);

  useEffect(() => {
    const root = ref.current;
    if (root && options.autoFocus) focusInto(root);
  }, [options.focusKey]);

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && options.onEscape) {
        event.stopPropagation();
        options.onEscape();
      } else if (options.trap) trapTab(root, event);
    };
    root.addEventListener("keydown", onKey);
    return () => root.removeEventListener("keydown", onKey);
  });
}
