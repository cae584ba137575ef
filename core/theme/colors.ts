/*
 * Colours as a widget configuration may give them: hex (`#rgb`, `#rrggbb`),
 * `rgb(r, g, b)` and `hsl(h, s%, l%)`, nothing else. A strict grammar rather
 * than a block-list: a value either parses to three channels or is refused, so
 * nothing a stylesheet could interpret otherwise (functions, urls, escapes,
 * comments) ever reaches one. Plus the WCAG 2 contrast arithmetic both the
 * server (to refuse an unreadable primary colour) and the widget use.
 */

export type Rgb = readonly [number, number, number];

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const NUMBER = String.raw`(\d{1,3}(?:\.\d+)?)`;
const RGB = new RegExp(String.raw`^rgb\(\s*${NUMBER}(%?)\s*,\s*${NUMBER}(%?)\s*,\s*${NUMBER}(%?)\s*\)$`, "i");
const HSL = new RegExp(String.raw`^hsl\(\s*${NUMBER}(?:deg)?\s*,\s*${NUMBER}%\s*,\s*${NUMBER}%\s*\)$`, "i");

/** The channels (0–255) of a colour in the accepted grammar, or null for anything else. */
export function parseColor(text: string): Rgb | null {
  const value = text.trim();
  const hex = HEX.exec(value)?.[1];
  if (hex !== undefined) {
    const digits = hex.length === 3 ? [...hex].map((digit) => digit + digit).join("") : hex;
    return [0, 2, 4].map((at) => parseInt(digits.slice(at, at + 2), 16)) as unknown as Rgb;
  }
  const rgb = RGB.exec(value);
  if (rgb !== null) {
    const channels: number[] = [];
    for (let index = 1; index <= 5; index += 2) {
      const amount = Number(rgb[index]);
      const percent = rgb[index + 1] === "%";
      if (amount > (percent ? 100 : 255)) return null;
      channels.push(percent ? (amount * 255) / 100 : amount);
    }
    return channels as unknown as Rgb;
  }
  const hsl = HSL.exec(value);
  if (hsl !== null) {
    const [hue, saturation, lightness] = [Number(hsl[1]), Number(hsl[2]), Number(hsl[3])];
    if (hue > 360 || saturation > 100 || lightness > 100) return null;
    return hslToRgb(hue, saturation / 100, lightness / 100);
  }
  return null;
}

function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const amplitude = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    return (lightness - amplitude * Math.max(-1, Math.min(k - 3, 9 - k, 1))) * 255;
  };
  return [channel(0), channel(8), channel(4)];
}

/** `#rrggbb` for channels (rounded), the one form the widget writes into its stylesheet. */
export function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => Math.round(Math.min(255, Math.max(0, channel))).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG 2 relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const linear = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for normal text. */
export const AA_TEXT_RATIO = 4.5;
export const WHITE: Rgb = [255, 255, 255];
/** The widget's dark text colour (#111827). */
export const INK: Rgb = [17, 24, 39];

/** The text colour the widget writes on a background (white or ink, whichever reads better) and the ratio it reaches. */
export function textOn(background: Rgb): { text: "#ffffff" | "#111827"; ratio: number } {
  const onWhite = contrastRatio(background, WHITE);
  const onInk = contrastRatio(background, INK);
  return onWhite >= onInk ? { text: "#ffffff", ratio: onWhite } : { text: "#111827", ratio: onInk };
}

/** The ratio rounded down to two decimals, as people read it ("4.49:1" must not print as 4.5). */
export function formatRatio(ratio: number): string {
  return (Math.floor(ratio * 100) / 100).toFixed(2);
}
