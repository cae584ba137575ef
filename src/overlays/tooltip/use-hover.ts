import { useEffect } from "preact/hooks";

/** How long the pointer may wander off a hover tip before it closes. */
const HOVER_GRACE_MS = 300;

/** Hover tips open while the pointer or keyboard focus is on the element, the beacon or the tip. */
export function useHoverAndFocus(
  element: Element | null,
  cardRef: { current: HTMLElement | null },
  beaconRef: { current: HTMLElement | null },
  enabled: boolean,
  setOpen: (open: boolean) => void,
): void {
  useEffect(() => {
    if (!enabled || !element) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      clearTimeout(timer);
      setOpen(true);
    };
    const hide = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setOpen(false), HOVER_GRACE_MS);
    };
    const targets = [element, cardRef.current, beaconRef.current].filter((node): node is HTMLElement => node !== null);
    for (const target of targets) {
      target.addEventListener("mouseenter", show);
      target.addEventListener("mouseleave", hide);
      target.addEventListener("focusin", show);
      target.addEventListener("focusout", hide);
    }
    return () => {
      clearTimeout(timer);
      for (const target of targets) {
        target.removeEventListener("mouseenter", show);
        target.removeEventListener("mouseleave", hide);
        target.removeEventListener("focusin", show);
        target.removeEventListener("focusout", hide);
      }
    };
  }, [element, enabled]);
}
