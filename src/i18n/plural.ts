/** Plural forms of one message; `other` is required, the rest as the language needs (CLDR). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * The form of `forms` that `locale`'s plural rules pick for `count`, with `#` replaced by
 * the number formatted for that locale ("3", "٣").
 */
export function plural(locale: string, count: number, forms: PluralForms): string {
  const form = forms[cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(count)] ?? forms.other;
  return form.replace("#", formatNumber(locale, count));
}

/** A number written the locale's way. */
export const formatNumber = (locale: string, value: number) =>
  cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value);

// Constructing Intl objects loads locale data: expensive, so each is made once per locale.
const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, locale: string, create: () => T): T {
  let value = cache.get(locale);
  if (value === undefined) cache.set(locale, (value = create()));
  return value;
}
