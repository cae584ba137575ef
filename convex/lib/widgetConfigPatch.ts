import type { Doc } from "../_generated/dataModel";
import { AA_TEXT_RATIO, formatRatio, parseColor, textOn } from "../../core/theme/colors";
import type { ConfigurationChange, EffectiveConfiguration, EventListenerSetting, LayoutSettings, Nullable, ThemeSettings } from "../../core/theme/configuration";

/*
 * How a PATCH changes a stored configuration (pure): overrides set or removed,
 * a base added or dropped (dropping one copies the inherited values in, so
 * the configuration still shows the same), and the contrast rule on the result.
 */

export type { ConfigurationChange };

type Stored = Pick<Doc<"widgetConfigurations">, "name" | "theme" | "layout"> & {
  eventListeners: Doc<"widgetConfigurations">["eventListeners"] | undefined;
  callbackUrl: string | undefined;
  hasBase: boolean;
};

export type Applied = { ok: true; stored: Stored } | { ok: false; fields: Record<string, string> };

/** The stored fields after the change. `effectiveBefore` fills a configuration that loses its base. */
export function applyChange(doc: Doc<"widgetConfigurations">, change: ConfigurationChange, effectiveBefore: EffectiveConfiguration): Applied {
  const losingBase = change.baseConfigurationId === null && doc.baseConfigurationId !== undefined;
  const hasBase = change.baseConfigurationId === undefined ? doc.baseConfigurationId !== undefined : change.baseConfigurationId !== null;
  const fields: Record<string, string> = {};
  const merge = <T extends object>(section: "theme" | "layout", current: Partial<T>, inherited: T, patch: Nullable<T> | undefined): Partial<T> => {
    const next: Record<string, unknown> = { ...(losingBase ? inherited : {}), ...current };
    for (const [key, value] of Object.entries(patch ?? {})) {
      if (value === undefined) continue;
      if (value !== null) next[key] = value;
      else if (hasBase) delete next[key];
      else fields[`${section}.${key}`] = "cannot be removed from a configuration without a base.";
    }
    return next as Partial<T>;
  };
  const theme = merge<ThemeSettings>("theme", doc.theme, effectiveBefore.theme, change.theme);
  const layout = merge<LayoutSettings>("layout", doc.layout, effectiveBefore.layout, change.layout);
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  const eventListeners =
    change.eventListeners === undefined
      ? losingBase && doc.eventListeners === undefined
        ? effectiveBefore.eventListeners
        : doc.eventListeners
      : (change.eventListeners ?? undefined);
  const callbackUrl = change.callbackUrl === undefined ? doc.callbackUrl : (change.callbackUrl ?? undefined);
  return { ok: true, stored: { name: change.name ?? doc.name, theme, layout, eventListeners, callbackUrl, hasBase } };
}

/**
 * Text on the primary colour must reach WCAG AA (4.5:1) with the better of the
 * widget's two text colours; otherwise the change is refused with the ratio measured.
 */
export function contrastProblem(theme: ThemeSettings): Record<string, string> | null {
  const rgb = parseColor(theme.primaryColor);
  if (rgb === null) return { "theme.primaryColor": "must be a colour." };
  const { text, ratio } = textOn(rgb);
  if (ratio >= AA_TEXT_RATIO) return null;
  return {
    "theme.primaryColor": `text on ${theme.primaryColor} reaches only ${formatRatio(ratio)}:1 with its most readable text colour (${text}); WCAG AA needs ${AA_TEXT_RATIO}:1.`,
  };
}

/** Top-level fields whose value differs, for the audit log. */
export function changedFieldNames(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name])).sort();
}
