import type { WidgetSettings } from "../runtime/settings";
import { contrastRatio, luminance, toHex } from "../../core/theme/colors";
import type { EffectiveConfiguration } from "../../core/theme/configuration";

type Rgb = readonly [number, number, number];

/** Hex only: the server sends every colour the widget applies as hex (core/theme forWidget). */
export function parseHexColor(hex: string): Rgb | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) return null;
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join("") : match[1];
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as unknown as Rgb;
}

export { contrastRatio };

/** WCAG AA for normal text. */
export const AA_TEXT = 4.5;
const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [17, 24, 39];
const DEFAULT_PRIMARY = "#2563eb";
/** The panel's surfaces in each theme (see DARK_VARIABLES). */
const LIGHT_SURFACE: Rgb = WHITE;
const DARK_SURFACE: Rgb = [24, 27, 33];

/** White or near-black, whichever reads better on the brand colour. */
export function readableTextColor(background: string): "#ffffff" | "#111827" {
  const rgb = parseHexColor(background);
  if (!rgb) return "#ffffff";
  return contrastRatio(rgb, WHITE) >= contrastRatio(rgb, INK) ? "#ffffff" : "#111827";
}

const mix = (from: Rgb, to: Rgb, amount: number): Rgb => from.map((c, i) => c + (to[i]! - c) * amount) as unknown as Rgb;

/**
 * `color` moved towards black or white, in small steps, until it reaches `ratio` against
 * `against`; unchanged when it already does. Used so brand-coloured text and buttons stay
 * readable (WCAG AA) whatever colour the workspace picked.
 */
export function adjustForContrast(color: string, against: Rgb, ratio = AA_TEXT): string {
  const rgb = parseHexColor(color);
  if (!rgb) return color;
  const towards: Rgb = luminance(against) > 0.18 ? [0, 0, 0] : WHITE;
  for (let step = 0; step <= 20; step++) {
    const candidate = mix(rgb, towards, step / 20);
    if (contrastRatio(candidate, against) >= ratio) return step === 0 ? color.toLowerCase() : toHex(candidate);
  }
  return toHex(towards);
}

/**
 * The brand colour as a background plus its text colour, at AA (4.5:1). Mid-tones where
 * neither white nor ink reaches 4.5 are darkened until white does.
 */
export function accessiblePrimary(primary: string): { background: string; text: "#ffffff" | "#111827"; ratio: number } {
  const valid = parseHexColor(primary) ? primary.toLowerCase() : DEFAULT_PRIMARY;
  const text = readableTextColor(valid);
  const textRgb = text === "#ffffff" ? WHITE : INK;
  const background = contrastRatio(parseHexColor(valid)!, textRgb) >= AA_TEXT ? valid : adjustForContrast(valid, WHITE);
  const finalText = background === valid ? text : "#ffffff";
  return { background, text: finalText, ratio: contrastRatio(parseHexColor(background)!, finalText === "#ffffff" ? WHITE : INK) };
}

/**
 * The per-workspace part of the stylesheet: the brand colour, the text on it, and the brand
 * colour for text on the light and the dark surfaces (the dark theme's other colours are in
 * the panel's stylesheet). Only a validated hex colour reaches it (see settings.ts), so
 * settings cannot inject CSS.
 */
export function themeCss(settings: Pick<WidgetSettings, "primaryColor"> & { configuration?: EffectiveConfiguration | null }): string {
  const { background, text } = accessiblePrimary(settings.primaryColor);
  return (
    `:host{--oc-primary:${background};--oc-on-primary:${text};` +
    `--oc-primary-text:${adjustForContrast(background, LIGHT_SURFACE)};--oc-primary-text-dark:${adjustForContrast(background, DARK_SURFACE)}}` +
    (settings.configuration ? configurationCss(settings.configuration) : "")
  );
}

const SIZES = {
  small: { panel: "320px", height: "560px", launcher: "48px" },
  medium: { panel: "380px", height: "700px", launcher: "56px" },
  large: { panel: "440px", height: "820px", launcher: "64px" },
} as const;

/**
 * The rest of a widget configuration's look: secondary colour, font, corner radius, size,
 * stacking order. Every value passed runtime/configuration.ts (hex colours, a length, a font
 * list without CSS punctuation) after the server's full grammar, so none can inject CSS.
 */
function configurationCss({ theme, layout }: EffectiveConfiguration): string {
  const size = SIZES[theme.widgetSize];
  return (
    `:host{z-index:${Math.trunc(layout.zIndex)}!important}` +
    `.oc-root,.oc-overlays{font-family:${theme.fontFamily};--oc-radius:${theme.borderRadius};` +
    `--oc-soft:${theme.secondaryColor};` +
    `--oc-panel-width:${size.panel};--oc-panel-max-height:${size.height};--oc-launcher-size:${size.launcher}}`
  );
}
