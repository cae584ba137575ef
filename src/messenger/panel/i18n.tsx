import { createContext, type ComponentChildren } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import { messages as englishMessages, type Messages } from "../../i18n/en";
import { loadMessages } from "../../i18n/load";
import type { Locale } from "../../i18n/locales";

export interface I18n {
  locale: Locale;
  t: Messages;
}

const I18nContext = createContext<I18n>({ locale: "en", t: englishMessages });

/** The current dictionary and locale, for components inside the panel. */
export const useI18n = (): I18n => useContext(I18nContext);
export const useT = (): Messages => useContext(I18nContext).t;

/**
 * Provides the dictionary of `locale`. A switch keeps showing the previous language until
 * the new one has loaded (one small chunk), so nothing flashes blank.
 */
export function I18nProvider({ locale, initial, children }: { locale: Locale; initial: I18n; children: ComponentChildren }) {
  const [i18n, setI18n] = useState<I18n>(initial);
  useEffect(() => {
    if (i18n.locale === locale) return;
    let current = true;
    loadMessages(locale).then(
      (t) => current && setI18n({ locale, t }),
      () => {}, // offline: the panel keeps its current language
    );
    return () => void (current = false);
  }, [locale]);
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}
