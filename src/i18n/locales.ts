/**
 * The locales the messenger speaks and how one is chosen. Pure and tiny: it ships in the
 * runtime (the launcher needs a locale before the panel loads).
 */

export const SUPPORTED_LOCALES = ["en", "fr", "de", "es", "ar"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

const RTL_LOCALES: readonly Locale[] = ["ar"];

/**
 * The supported locale for a BCP 47 tag: "fr-CA" → "fr", "AR" → "ar"; null when we do not
 * speak that language.
 */
export function matchLocale(tag: string): Locale | null {
  const language = tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return (SUPPORTED_LOCALES as readonly string[]).includes(language) ? (language as Locale) : null;
}

/** The first of the visitor's preferred languages (navigator.languages) that we speak; else English. */
export function negotiateLocale(preferred: readonly string[] | undefined): Locale {
  for (const tag of preferred ?? []) {
    const locale = typeof tag === "string" ? matchLocale(tag) : null;
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

export const isRtl = (locale: Locale): boolean => RTL_LOCALES.includes(locale);
