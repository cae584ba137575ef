/*
 * The panel keeps below a host page's bar fixed (or stuck) to the top of the viewport: on
 * a viewport 800 px tall or less the panel's full height would cover it. The bar's bottom
 * edge goes into a sheet of its own as `--oc-top-inset` (no style attribute: a strict CSP
 * renders it), measured when the panel mounts or opens and when the viewport resizes.
 */

type Win = Window & typeof globalThis;

/** The lowest bottom edge of the page's fixed or sticky elements touching the top of the viewport, in px. */
export function topBarBottom(win: Win, ignore: Element): number {
  const { innerWidth: width, innerHeight: height } = win;
  let bottom = 0;
  if (typeof win.document.elementsFromPoint !== "function") return bottom; // not in every DOM implementation
  for (const x of [0.1, 0.35, 0.65, 0.9].map((share) => Math.round(width * share))) {
    for (const element of win.document.elementsFromPoint(x, 1)) {
      if (element === ignore || element.contains(ignore)) continue;
      const { position } = win.getComputedStyle(element);
      if (position !== "fixed" && position !== "sticky") continue;
      const rect = element.getBoundingClientRect();
      // A bar, not a full-page layer (a modal backdrop or an app shell).
      if (rect.top <= 1 && rect.bottom < height / 3) bottom = Math.max(bottom, Math.ceil(rect.bottom));
    }
  }
  return bottom;
}

/** Keeps `--oc-top-inset` current for the panel in `container`'s shadow root; returns the cleanup. */
export function followTopBars(container: HTMLElement, onOpen: (listener: () => void) => () => void): () => void {
  const shadow = container.getRootNode() as ShadowRoot;
  const win = container.ownerDocument.defaultView as Win;
  const sheet = new win.CSSStyleSheet();
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  let last = -1;
  const measure = () => {
    const inset = topBarBottom(win, shadow.host);
    if (inset !== last) sheet.replaceSync(`.oc-panel{--oc-top-inset:${(last = inset)}px}`);
  };
  measure();
  const stopOpen = onOpen(measure);
  win.addEventListener("resize", measure);
  return () => {
    stopOpen();
    win.removeEventListener("resize", measure);
    shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
  };
}
