import type { WidgetSettings } from "../runtime/settings";

type Rgb = [number, number, number];

export function parseHexColor(hex: string): Rgb | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) return null;
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join("") : match[1];
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as Rgb;
}

/** WCAG relative luminance. */
function luminance([r, g, b]: Rgb): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [17, 24, 39];

/** White or near-black, whichever reads better on the brand colour. */
export function readableTextColor(background: string): "#ffffff" | "#111827" {
  const rgb = parseHexColor(background);
  if (!rgb) return "#ffffff";
  return contrastRatio(rgb, WHITE) >= contrastRatio(rgb, INK) ? "#ffffff" : "#111827";
}

/**
 * The per-workspace part of the stylesheet. Only a validated hex colour reaches it (see
 * settings.ts), so settings cannot inject CSS.
 */
export function themeCss(settings: Pick<WidgetSettings, "primaryColor">): string {
  const primary = parseHexColor(settings.primaryColor) ? settings.primaryColor : "#2563eb";
  return `:host{--oc-primary:${primary};--oc-on-primary:${readableTextColor(primary)}}`;
}
