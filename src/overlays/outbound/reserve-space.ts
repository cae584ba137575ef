import { useEffect } from "preact/hooks";

/**
 * Makes room for a banner at the top (or bottom) of the page, so it pushes the page's
 * content instead of covering its first (or last) lines: a spacer at the start (or end)
 * of <body>, as tall as the banner. The spacer is styled from its own shadow root (an
 * adopted sheet, with !important so page rules cannot shrink it), like the widget.
 */
export function useReservedSpace(ref: { current: HTMLElement | null }, position: "top" | "bottom"): void {
  useEffect(() => {
    const banner = ref.current;
    const doc = banner?.ownerDocument;
    const win = doc?.defaultView as (Window & typeof globalThis) | null | undefined;
    if (!banner || !doc?.body || !win?.ResizeObserver) return;
    const space = doc.createElement("opencom-banner-space");
    const sheet = new win.CSSStyleSheet();
    space.attachShadow({ mode: "open" }).adoptedStyleSheets = [sheet];
    const fit = () =>
      sheet.replaceSync(`:host{all:initial!important;display:block!important;height:${Math.ceil(banner.offsetHeight)}px!important}`);
    fit();
    if (position === "top") doc.body.prepend(space);
    else doc.body.append(space);
    const observer = new win.ResizeObserver(fit);
    observer.observe(banner);
    return () => {
      observer.disconnect();
      space.remove();
    };
  }, [position]);
}
