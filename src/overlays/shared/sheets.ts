/*
 * Styles of the overlays, as constructable stylesheets adopted into the widget's shadow
 * root (no <style> tags, no style attributes: a strict CSP renders them fully).
 */

const adopted = new WeakMap<ShadowRoot, Set<string>>();

/** Adopts `css` into the shadow root once, however many overlays of a kind mount. */
export function adoptCss(shadow: ShadowRoot, css: string): void {
  const done = adopted.get(shadow) ?? new Set<string>();
  adopted.set(shadow, done);
  if (done.has(css)) return;
  done.add(css);
  const win = shadow.ownerDocument.defaultView as Window & typeof globalThis;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(css);
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
}

/** Positions that change as the page scrolls (anchored cards, spotlights, highlights). */
export interface Placer {
  /** A new key for `data-oc-place` on one element. */
  key(): string;
  /** Sets CSS properties on the element carrying `data-oc-place={key}`. */
  set(key: string, properties: Readonly<Record<string, string>>): void;
  destroy(): void;
}

let keys = 0;

/**
 * Computed positions go into one rule per element of this overlay's own sheet (through
 * the CSSOM, which a CSP does not restrict) rather than into style attributes.
 */
export function createPlacer(shadow: ShadowRoot): Placer {
  const win = shadow.ownerDocument.defaultView as Window & typeof globalThis;
  const sheet = new win.CSSStyleSheet();
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  const rules = new Map<string, CSSStyleRule>();
  return {
    key: () => `p${++keys}`,
    set(key, properties) {
      let rule = rules.get(key);
      if (!rule) {
        const index = sheet.insertRule(`[data-oc-place="${key}"]{}`, sheet.cssRules.length);
        rule = sheet.cssRules[index] as CSSStyleRule;
        rules.set(key, rule);
      }
      for (const [name, value] of Object.entries(properties)) rule.style.setProperty(name, value);
    },
    destroy() {
      shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter((candidate) => candidate !== sheet);
    },
  };
}
