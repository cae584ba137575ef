import type { Messages } from "./en";
import type { Locale } from "./locales";

/*
 * Dictionaries by locale, each its own chunk, fetched when that locale is used (English
 * travels with the panel, which imports it). The runtime needs only this map: a French
 * visitor's launcher names come from the French chunk.
 */
const LOADERS: Record<Locale, () => Promise<{ messages: Messages }>> = {
  en: () => import("./en"),
  fr: () => import("./fr"),
  de: () => import("./de"),
  es: () => import("./es"),
  ar: () => import("./ar"),
};

/** The dictionary of `locale`; English when it cannot be loaded (offline, blocked chunk). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  try {
    return (await LOADERS[locale]()).messages;
  } catch {
    return (await import("./en")).messages;
  }
}
