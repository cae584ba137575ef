import { arrow, autoUpdate, computePosition, flip, offset, shift, type Placement as FloatingPlacement } from "@floating-ui/dom";
import type { Placement } from "../../../core/engagement/tour-machine";

export type AnchorParts = {
  reference: Element;
  floating: HTMLElement;
  arrow: HTMLElement | null;
  placement: Placement;
  /** Writes computed CSS for the floating element and its arrow. */
  place(target: "floating" | "arrow", properties: Record<string, string>): void;
  /** Called on every update, e.g. to move a spotlight with the reference. */
  onUpdate?(rect: DOMRect): void;
  /** The reference left the page. */
  onLost(): void;
  /** Distance from the reference. @default 12 */
  gap?: number;
};

const OPPOSITE = { top: "bottom", bottom: "top", left: "right", right: "left" } as const;

/** Where the arrow goes, given the side the card ended up on and floating-ui's arrow data. */
export function arrowCss(placement: FloatingPlacement, data: { x?: number; y?: number } | undefined): Record<string, string> {
  const side = placement.split("-")[0] as keyof typeof OPPOSITE;
  return {
    left: data?.x === undefined ? "" : `${data.x}px`,
    top: data?.y === undefined ? "" : `${data.y}px`,
    right: "",
    bottom: "",
    [OPPOSITE[side]]: "-6px",
  };
}

/**
 * Keeps a card next to a page element with @floating-ui/dom: flips to the other side
 * when there is no room, shifts to stay in the viewport, follows scrolling, resizing
 * and layout changes (autoUpdate). Returns the cleanup.
 */
export function anchorTo(parts: AnchorParts): () => void {
  const { reference, floating } = parts;
  let active = true;
  const update = () => {
    if (!active) return;
    if (!reference.isConnected) return parts.onLost();
    parts.onUpdate?.(reference.getBoundingClientRect());
    void computePosition(reference, floating, {
      strategy: "fixed",
      placement: parts.placement === "auto" ? "bottom" : parts.placement,
      middleware: [
        offset(parts.gap ?? 12),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        ...(parts.arrow ? [arrow({ element: parts.arrow, padding: 10 })] : []),
      ],
    }).then(({ x, y, placement, middlewareData }) => {
      if (!active) return;
      parts.place("floating", { left: `${Math.round(x)}px`, top: `${Math.round(y)}px` });
      floating.dataset["side"] = placement.split("-")[0];
      if (parts.arrow) parts.place("arrow", arrowCss(placement, middlewareData.arrow));
    });
  };
  const stop = autoUpdate(reference, floating, update);
  return () => {
    active = false;
    stop();
  };
}

/** Brings an element into view, smoothly unless the visitor prefers reduced motion. */
export function revealElement(win: Window, element: Element): void {
  const rect = element.getBoundingClientRect();
  if (rect.top >= 0 && rect.bottom <= win.innerHeight && rect.left >= 0 && rect.right <= win.innerWidth) return;
  const reduced = win.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
  element.scrollIntoView({ block: "center", inline: "nearest", behavior: reduced ? "auto" : "smooth" });
}

/** The first element matching `selector`, or null (also for a selector the browser rejects). */
export function findElement(doc: Document, selector: string): Element | null {
  try {
    return doc.querySelector(selector);
  } catch {
    return null;
  }
}
