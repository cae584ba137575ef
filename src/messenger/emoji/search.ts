import type { Locale } from "../../i18n/locales";
import { foldForSearch } from "./fold";

/*
 * Each language's search words are a chunk of their own (30–40 KB gzip), fetched on the
 * first search rather than when the picker opens: most visitors pick from the grid.
 * emojibase has no Arabic words, so Arabic searches the English ones.
 */
const LOADERS: Record<Locale, () => Promise<{ SEARCH_WORDS: string }>> = {
  en: () => import("./data/search-en"),
  fr: () => import("./data/search-fr"),
  de: () => import("./data/search-de"),
  es: () => import("./data/search-es"),
  ar: () => import("./data/search-en"),
};

export const loadSearchWords = (locale: Locale): Promise<string> => LOADERS[locale]().then((module) => module.SEARCH_WORDS);

/**
 * The emoji whose words hold every term of the query (each term matching the start of a
 * word), in the picker's order; at most `limit`.
 */
export function searchEmoji(words: string, query: string, limit = 96): string[] {
  const terms = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  const found: string[] = [];
  for (const line of words.split("\n")) {
    const tab = line.indexOf("\t");
    const text = ` ${line.slice(tab + 1)}`;
    if (terms.every((term) => text.includes(` ${term}`))) found.push(line.slice(0, tab));
    if (found.length >= limit) break;
  }
  return found;
}
