/** Plural forms of one message; `other` is required, the rest as the language needs (CLDR). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * The form of `forms` that `locale`'s plural rules pick for `count`, with `#` replaced by
 * the number formatted for that locale ("3", "٣").
 */
export function plural(locale: string, count: number, forms: PluralForms): string {
  const form = forms[new Intl.PluralRules(locale).select(count)] ?? forms.other;
  return form.replace("#", new Intl.NumberFormat(locale).format(count));
}

/** A number written the locale's way. */
export const formatNumber = (locale: string, value: number) => new Intl.NumberFormat(locale).format(value);
